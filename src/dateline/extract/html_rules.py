"""Rules of html.py and html_meta.py kept as data: which page fields say what, in which order.

Add a meta name or a schema.org type here, not in the code. Keys are lower case.
"""

from __future__ import annotations

#: schema.org types of the article itself, most specific first (a page's JSON-LD often also
#: describes the WebPage, the Organization and a BreadcrumbList)
ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
    "TechArticle",
)
#: read only when no article node is found
PAGE_TYPES = ("WebPage", "ItemPage")

#: <meta> keys (property, name or itemprop) in order of trust
TITLE_META = ("og:title", "twitter:title", "dc.title", "title", "headline", "parsely-title", "sailthru.title")
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "og:updated_time",
    "article:modified_time",
    "datemodified",
)
AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "twitter:creator",
)
SECTION_META = ("article:section", "og:article:section", "section", "parsely-section", "sailthru.section", "category")
LANGUAGE_META = ("content-language", "og:locale", "dc.language", "language", "inlanguage")
URL_META = ("og:url", "twitter:url")
SITE_NAME_META = ("og:site_name", "application-name", "twitter:site")

#: class values that mark a byline element (matched as a part of the class attribute)
BYLINE_CLASSES = ("byline", "author")
#: attribute values that mark a credit inside a <figure>
CREDIT_CLASSES = ("credit", "copyright", "source", "byline", "author", "photographer")

#: breadcrumb entries that are not a section
BREADCRUMB_SKIP = {"home", "homepage", "start", "startseite", "accueil", "inicio", "portada", "главная"}

#: values of author fields that name no one
NOT_AUTHORS = {"admin", "administrator", "webmaster", "staff", "editor", "editors", "guest", "anonymous",
               "unknown", "redaktion", "rédaction", "redacción", "redazione", "newsroom", "desk"}

#: class or id fragments of containers that hold lists of other stories' headlines
RELATED_MARKS = (
    "related", "more-from", "more-stories", "read-next", "readnext", "recommended", "also-read",
    "alsoread", "most-read", "mostread", "most-popular", "mostpopular", "trending", "more-news",
    "latest-news", "further-reading", "next-in", "you-may-like", "up-next",
)

#: schema.org types of the outlet when the article node names no publisher
PUBLISHER_TYPES = ("NewsMediaOrganization",)

#: headings that are never a headline (whole value, lower case)
NOT_HEADLINES = {"home", "news", "latest news", "breaking news", "top stories", "menu", "search", "world", "u.s.",
                 "politics", "business", "sports", "opinion", "video", "videos", "photos", "live", "404", "page not found"}

#: chrome flattened into running text when the page's styles are gone: a person's hover card
#: (the full name, teaser headlines and a "MORE" link) inside a paragraph. Class fragments.
HOVER_CARD_CLASSES = ("rollover-people-block", "rollover-block", "hovercard", "hover-card", "tooltip-content",
                      "tooltiptext", "popover-content")

#: how a site's welcome banner or a heading that is not a headline opens (lower case)
NOT_HEADLINE_STARTS = ("welcome to", "welcome back", "bienvenue", "willkommen", "bienvenido", "benvenuti")

#: when the fast pass is re-run in trafilatura's balanced mode (html.main_text): the share of
#: short non-sentence blocks above which, among at least this many blocks
RESCUE_SHORT_SHARE = 0.5
RESCUE_MIN_BLOCKS = 5
#: … or when it found fewer characters than this (trafilatura's own MIN_EXTRACTED_SIZE)
RESCUE_MIN_CHARS = 250

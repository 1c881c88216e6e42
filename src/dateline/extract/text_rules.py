"""Rules for plain-text pages, kept as data apart from the code that applies them (text.py).

Every phrase here is generic site chrome, written for this project: menus, share bars,
cookie and legal notices, promo lines, comment forms, headings of headline lists, and the
month names used to read dates. Patterns are matched case-insensitively against one line.
Adding a language means adding its words to these lists, not touching text.py.
"""

from __future__ import annotations

#: a line that starts with one of these markers (then a space) is a list item
BULLETS = "*+•·▪◦‣●○■□–-o"

#: a short line that is (only) one of these is a share/social button
SHARE_LINE = [
    r"share(?: (?:this|on|via|by|the|to)(?: \w+)?)?", r"share this (?:article|story|post|page|entry)",
    r"tweet(?: this)?", r"facebook", r"twitter", r"x", r"linkedin", r"whatsapp", r"pinterest", r"pin it",
    r"reddit", r"tumblr", r"telegram", r"messenger", r"flipboard", r"pocket", r"vk", r"google\+", r"mix",
    r"e-?mail(?: this| to a friend)?", r"print(?: this)?(?: (?:article|page|story))?", r"copy(?: the)? link",
    r"link copied", r"permalink", r"get short url", r"short url", r"\d+ shares?", r"shares?", r"save",
    r"bookmark", r"gift (?:this )?article", r"partager", r"partagez", r"teilen", r"compartir", r"condividi",
    r"compartilhe", r"compartilhar", r"delen", r"imprimir", r"imprimer", r"drucken", r"stampa",
    r"поделиться", r"youtube", r"instagram", r"rss", r"feedback", r"snapchat", r"tiktok", r"threads",
    r"bluesky", r"mastodon", r"follow", r"like",
]

#: phrases that mark a line as legal text wherever they appear in it (long lines need two)
LEGAL_PHRASES = [
    r"we use cookies", r"uses cookies", r"use of cookies", r"cookie (?:policy|settings|preferences|notice|consent)",
    r"accept(?: all)? cookies", r"privacy (?:policy|notice|settings|statement|centre|center)",
    r"terms (?:of|and) (?:use|service|conditions)", r"terms & conditions", r"all rights reserved", r"©",
    r"\(c\) (?:19|20)\d\d", r"copyright (?:\d{4}|©)", r"this (?:web)?site uses", r"akismet",
    r"manage (?:cookies|preferences|consent)", r"do not sell my", r"your privacy choices", r"ad ?choices",
    r"datenschutz", r"impressum", r"alle rechte vorbehalten", r"mentions légales", r"tous droits réservés",
    r"droits de reproduction", r"todos los derechos reservados", r"política de privacidad", r"aviso legal",
    r"tutti i diritti riservati", r"informativa (?:sulla )?(?:privacy|cookie)", r"todos os direitos reservados",
    r"política de privacidade", r"alle rechten voorbehouden", r"все права защищены",
    r"utilizziamo (?:i )?cookie", r"utilizamos cookies", r"nous utilisons (?:des )?cookies",
    r"wir verwenden cookies", r"verwendet cookies",
]

#: a short line that is (only) one of these is legal text
LEGAL_LINE = [r"cookies?(?: settings| policy)?", r"privacy", r"terms", r"legal", r"imprint", r"accept(?: all)?",
              r"reject(?: all)?", r"i agree", r"agree", r"got it", r"ok(?:ay)?", r"contact(?: us)?", r"about(?: us)?",
              r"careers", r"sitemap", r"site map", r"accessibility", r"corrections"]

#: phrases that make a short line a promotion for the site itself (newsletters, apps, channels)
PROMO_PHRASES = [
    r"subscribe", r"sign up", r"newsletter", r"follow us", r"join (?:us|our)\b",
    r"download (?:the|our) app", r"get (?:the|our) app", r"whatsapp channel", r"telegram channel",
    r"news alerts", r"in your inbox", r"advertisement", r"sponsored content", r"paid (?:post|content)",
    r"support (?:our|independent|quality) journalism", r"become a (?:member|subscriber|patron)",
    r"click here", r"tap here", r"already a subscriber", r"free trial", r"add to home screen",
    r"(?:enable|turn on) notifications", r"like this (?:story|article)", r"like us on",
    r"abonnez-vous", r"abonnieren", r"suscríbete", r"iscriviti", r"inscreva-se", r"подпишитесь",
    r"story continues below", r"continue reading", r"listen to (?:this|the) (?:article|story)",
]

#: a short line that is (only) one of these is a promotion or an advertising slot
PROMO_LINE = [r"ad", r"ads", r"advertisement", r"advertising", r"sponsored", r"promoted", r"anzeige",
              r"werbung", r"publicité", r"publicidad", r"pubblicità", r"publicidade", r"реклама",
              r"sign in", r"log ?in", r"log ?out", r"register", r"subscribe(?: now)?", r"donate",
              r"shop", r"store", r"buy now", r"download"]

#: comment sections and their forms (phrases, found anywhere in a short line)
COMMENT_PHRASES = [
    r"leave a (?:reply|comment)", r"post a comment", r"add a comment", r"write a comment",
    r"your email address will not be published", r"required fields are marked", r"notify me",
    r"save my name", r"cancel reply", r"log in to (?:reply|comment)", r"comments? (?:are|is) closed",
    r"join the (?:discussion|conversation)", r"be the first to comment", r"view comments",
    r"show comments", r"laisser un commentaire", r"lascia un commento", r"deja un comentario",
    r"deixe um comentário", r"schreibe einen kommentar", r"to post a comment", r"inviare un commento",
    r"\d+ (?:comments|responses|replies|thoughts) (?:to|on)\b", r"(?:one|no) (?:comment|response|reply|thought)s? (?:to|on)\b",
    r"what do you think\?", r"comment (?:policy|guidelines)", r"sort (?:comments )?by",
]

#: a short line that is (only) one of these belongs to a comment section
COMMENT_LINE = [
    r"comments?", r"\d+ (?:comments?|replies|responses)", r"(?:no|one) (?:comments?|replies|responses)",
    r"reply", r"commentaires?", r"kommentare?", r"comentarios?", r"commenti?", r"comentários?",
    r"name ?\*?", r"e-?mail ?\*?", r"website", r"comment ?\*?", r"nessun commento",
]

#: short lines that are navigation wherever they stand (whole line)
NAV_LINE = [
    r"home", r"menu", r"search", r"skip to (?:main )?content", r"skip to navigation", r"back to top",
    r"top of page", r"previous(?: (?:article|post|story))?", r"next(?: (?:article|post|story))?",
    r"more", r"close", r"open", r"toggle navigation", r"main menu", r"sections", r"go", r"ok",
    r"accept", r"show more", r"load more", r"see all", r"view all", r"all", r"live", r"video",
    r"photos?", r"gallery", r"startseite", r"accueil", r"inicio", r"portada", r"suche",
    r"rechercher", r"buscar", r"cerca", r"главная",
]

#: headings of headline lists ("More in World", "Related", "Most read" …) (whole line)
RELATED_HEADING_LINE = [
    r"related(?: (?:articles?|stories|news|posts?|content|coverage|topics|links|reading))?",
    r"read (?:more|also|next)", r"also read", r"see also", r"more (?:from|in|on|about|stories|news|to read)\b.*",
    r"next in\b.*", r"(?:most|recently) (?:read|popular|viewed|shared|commented)", r"popular(?: now| posts)?",
    r"trending(?: now| stories)?", r"recommended(?: for you| stories)?", r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"(?:latest|top|more) (?:news|stories|headlines|articles|posts)", r"(?:others|people) also read",
    r"what to read next", r"editor'?s? picks?", r"don'?t miss", r"in (?:other|case you missed)\b.*",
    r"further reading", r"lire aussi", r"à lire aussi", r"voir aussi", r"sur le même sujet",
    r"weitere artikel", r"mehr zum thema", r"das könnte sie (?:auch )?interessieren", r"lesen sie auch",
    r"lee también", r"leer más", r"noticias relacionadas", r"te puede interesar", r"leggi anche",
    r"articoli correlati", r"potrebbe interessarti", r"leia também", r"veja também", r"notícias relacionadas",
    r"lees ook", r"читайте также", r"по теме", r"trends?:?.*",
]

#: byline and metadata lines around an article (whole line)
META_LINE = [
    r"by\s+\w.*", r"(?:written|posted|published|updated|reviewed|edited) (?:by|on|at)\b.*",
    r"(?:published|updated|posted|last updated|modified)\s*:?.*\d.*", r"\d+\s*min(?:ute)?s? read",
    r"\d+\s*(?:views|reads|letture|lecturas|vues|aufrufe)", r"von\s+\w.*", r"par\s+\w.*", r"por\s+\w.*",
    r"di\s+\w.*", r"door\s+\w.*", r"reading time\b.*", r"temps de lecture\b.*", r"lesezeit\b.*",
    r"(?:photo|image|video|source|credit|foto|bild|quelle)s?\s*:.*",
]

#: words that keep a line from being taken for the title or the section
NOT_A_TITLE = [
    r"shar(?:e|es|ed|ing)", r"follow", r"subscribe", r"sign (?:up|in)", r"log ?in", r"newsletters?",
    r"reading time", r"min(?:ute)?s? read", r"tempo de leitura", r"temps de lecture", r"lesezeit",
    r"tiempo de lectura", r"posted", r"updated", r"published", r"credits?", r"getty images", r"click",
    r"welcome to", r"welcome back", r"bienvenue", r"willkommen",
    r"browse", r"search", r"menu", r"comments?", r"advertis\w*", r"cookies?", r"photos?", r"videos?",
]

#: month names and abbreviations → month number
MONTHS = {
    1: ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "января", "январь", "styczeń", "stycznia"],
    2: ["february", "feb", "février", "févr", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "fev", "februari", "февраля", "февраль", "luty", "lutego"],
    3: ["march", "mar", "mars", "märz", "marzo", "março", "maart", "марта", "март", "marzec", "marca"],
    4: ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "apr", "апреля", "апрель", "kwiecień", "kwietnia"],
    5: ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "мая", "май", "maj", "maja"],
    6: ["june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июня", "июнь", "czerwiec", "czerwca"],
    7: ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июля", "июль", "lipiec", "lipca"],
    8: ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "августа", "август", "sierpień", "sierpnia"],
    9: ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "сентября", "сентябрь", "wrzesień", "września"],
    10: ["october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out", "октября", "октябрь", "październik", "października"],
    11: ["november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "listopad", "listopada"],
    12: ["december", "dec", "décembre", "decembre", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro", "декабря", "декабрь", "grudzień", "grudnia"],
}

#: words that end a sentence-like line (besides punctuation)
SENTENCE_END = ".!?…。！？‼⁉\"”»’')]:;"

#: function words of common languages: their share of a line's words says "running text"
STOPWORDS = set(
    """
    a an the and or but of to in on at for with from by as is are was were be been being it its
    this that these those he she they we you i his her their our your not no have has had will would
    can could should may might must do does did than then so if when which who whom whose what where
    there here also about after before into over under between while because said says says
    le la les un une des du de et ou mais en dans sur pour par avec est sont était été il elle ils
    elles nous vous on qui que quoi dont où au aux ce cette ces son sa ses leur leurs pas ne plus
    der die das ein eine einer eines dem den des und oder aber in im auf für mit von zu ist sind war
    waren er sie es wir ihr nicht auch als wie bei nach aus dass sich noch
    el la los las un una unos unas y o pero en con por para es son era fue del al que se su sus no
    lo le les como más muy ya
    il lo la gli le un uno una e o ma di da in con su per tra fra è sono era che non si del della dei
    delle nel nella al alla
    o a os as um uma e ou mas de em com por para é são era foi que não se do da dos das no na
    het een en of maar van in op voor met is zijn was niet dat die dit
    и в во не на с со что как а но по из у к о об от до за это он она они мы вы
    """.split()
)

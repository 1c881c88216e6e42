"""Query parameters that track the reader, not name the page: left out of an address's key.

``?utm_source=newsletter`` and ``?fbclid=…`` change with every share of the same article; kept
in the key, a changed page reached through a shared link was never seen as a new version of
the page, and two crawls of one address were two addresses. Rules as data: prefixes and
names of the marketing and click-id parameters that analytics and ad platforms document.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

#: parameter name prefixes (Google Analytics campaign tags, HubSpot, Piwik/Matomo campaign tags)
TRACKING_PREFIXES = ("utm_", "_hs", "pk_", "mtm_")
#: whole parameter names: click ids of ad platforms, mail campaign ids, share tags
TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "li_fat_id", "igshid", "mc_cid", "mc_eid", "mkt_tok", "_ga", "_gl", "oly_anon_id", "oly_enc_id",
    "vero_id", "wickedid", "s_cid", "ncid", "cmpid", "ocid",
})


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_NAMES or low.startswith(TRACKING_PREFIXES)


def without_tracking(query: str) -> str:
    """A URL's query string without tracking parameters, the others in their order."""
    if not query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not is_tracking(k)]
    if len(kept) == len(pairs):
        return query
    return urlencode(kept)

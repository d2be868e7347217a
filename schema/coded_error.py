"""An error that says its problem twice: one English sentence (``str()``, the command line's) and a
``code`` with ``params``, from which the window says it in the interface's language
(editor/ui/files/file_errors.py for plan files, editor/ui/files/document_errors.py for imported and
reviewed documents). An error raised with a message only has the code ""."""
from __future__ import annotations


class CodedError(Exception):
    """One English sentence, plus ``code`` (the kind of problem) and ``params`` (``name`` the file, then its values)."""

    def __init__(self, message: str, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params

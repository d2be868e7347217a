"""The editor window (PySide6).

The plan's Qt-free modules (pydantic, the models, the loader) are imported here, before any module of this
package imports PySide6: once PySide6 is loaded, its import hook reads the source of every module imported
after it (shibokensupport's feature check for `from __feature__`), about 0.2 ms a module, some 25 ms at the
window's start for pydantic's and the standard library's modules that only the models need.
"""
import schema.document  # noqa: F401
import schema.fileio  # noqa: F401

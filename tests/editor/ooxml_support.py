"""The ECMA-376 check of the .docx files the tests write (openxml-audit): a validator per test module
(a fixture, offered by tests/editor/conftest.py) and its errors and warnings as one line each."""
from __future__ import annotations

import pytest
from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity


@pytest.fixture(scope="module")
def validator():
    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


def findings(validator, path) -> list[str]:
    result = validator.validate(str(path))
    return [f"{e.severity.value}: {e.part_uri} {e.path} {e.description}" for e in result.errors
            if e.severity in (ValidationSeverity.ERROR, ValidationSeverity.WARNING)]

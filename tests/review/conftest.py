"""The reviewed documents the review tests read: made once per run (and cached across runs)."""
import pytest

from tests.paths import SAMPLE
from tests.review.reviewed_docs import add_comment_with_reply, libreoffice_review

COMMENTER = "審查委員乙"
COMMENT = "請補充園區招商的具體期程。"
REPLIER = "經發局承辦人"
REPLY = "將於下次修正版補充。"
COMMENTED_TITLE = "設置科技新創園區"


@pytest.fixture(scope="session")
def reviewed(request, tmp_path_factory):
    """The sample exported, reviewed by LibreOffice, and a comment thread added on a third strategy."""
    if getattr(request.config, "cache", None) is not None:
        cache = request.config.cache.mkdir("libreoffice-review")
    else:  # run with -p no:cacheprovider: beside pytest's numbered temporary folders, which outlive a run
        cache = tmp_path_factory.getbasetemp().parent / "libreoffice-review"
        cache.mkdir(exist_ok=True)
    docs = dict(libreoffice_review(SAMPLE, cache))
    folder = tmp_path_factory.mktemp("reviewed")
    for name in ("tracked", "untracked"):
        target = folder / f"{name}-commented.docx"
        add_comment_with_reply(docs[name], target, COMMENTED_TITLE, (COMMENTER, COMMENT), (REPLIER, REPLY))
        docs[f"{name}_commented"] = target
    return docs

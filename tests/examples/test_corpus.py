"""The bundled example corpus stays valid (UTF-8, parseable HTML, manifest in step, no seed text)."""
import importlib.util

from conftest import ROOT, SHARED


def test_example_corpus_checks_pass():
    spec = importlib.util.spec_from_file_location("check_corpus", ROOT / "examples" / "corpus" / "check_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    args = [str(SHARED / "seeds")] if (SHARED / "seeds").is_dir() else []
    assert mod.main(args) == 0

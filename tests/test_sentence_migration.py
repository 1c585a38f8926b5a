"""While migrating: the sentence.yaml renderer writes exactly what sentence.md.j2 did."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.bundle import load_bundle
from claimscope.narrative import reactive_sentence, render

FOLDERS = [Path("data/ecpat-cstd21-2018"), Path("tests/fixtures/fixture-clinic-2024")]
BUNDLES = [load_bundle(folder.resolve()) for folder in FOLDERS]
OLD = [(folder / "sentence.md.j2").read_text(encoding="utf-8") for folder in FOLDERS]


def _values(bundle):
    def value(spec):
        grid = st.integers(0, int((spec.max - spec.min) / spec.step)).map(
            lambda k: min(spec.max, spec.min + k * spec.step))
        return st.one_of(st.just(spec.default), grid,
                         st.floats(spec.min, spec.max, allow_nan=False))
    return st.fixed_dictionaries({name: value(spec) for name, spec in bundle.model.inputs.items()})


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_the_new_sentence_reads_as_the_old(data) -> None:
    for bundle, old in zip(BUNDLES, OLD, strict=True):
        values = data.draw(_values(bundle))
        out = bundle.model.evaluate(values)
        changed = {n for n, s in bundle.model.inputs.items() if values[n] != s.default}
        before = render(old, values=values, out={k: float(v) for k, v in out.items()},
                        changed=changed,
                        claims={c: claim.value for c, claim in bundle.catalogue.claims.items()})
        assert reactive_sentence(bundle.sentence, bundle.model, bundle.catalogue, values,
                                 out) == before

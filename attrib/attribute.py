"""One article's statements: the extraction rules, then speaker resolution.

This is the one place that runs the two steps in order and turns their
result into :class:`~attrib.types.Attribution` records:

    ParsedArticle --extract.find_candidates--> Candidate --resolve.Resolver--> Speaker
                  --calibrate.features/probability--------------------------> Attribution

Each statement's confidence is the calibrated probability that it and its
speaker are right (:mod:`attrib.calibrate`), estimated from its own features.
"""

from __future__ import annotations

from . import calibrate
from .extract import find_candidates
from .resolve import Resolver
from .types import Attribution, ParsedArticle


def attributions_with_features(parse: ParsedArticle) -> list[tuple[Attribution, dict[str, float]]]:
    """Every attributed statement in ``parse``, in text order, with its calibration features.

    The attributions' ``confidence`` is the rule's measured precision; see
    :func:`find_attributions` for the calibrated one."""
    return _attributions(parse, calibrated=False)


def _attributions(parse: ParsedArticle, calibrated: bool) -> list[tuple[Attribution, dict[str, float]]]:
    """:func:`attributions_with_features`, with the calibrated confidence when ``calibrated``."""
    d, cands = find_candidates(parse)
    r = Resolver(d)
    out = []
    # resolve in order of the cue, so that pronouns look back at earlier speakers
    for c in sorted(cands, key=lambda c: c.anchor):
        sp = r.resolve(c)
        feats = calibrate.features(d, c, sp)
        att = Attribution(
            content_spans=tuple(sorted(c.content)),
            cue=c.cue,
            source=d.char_span(*c.source) if c.source else None,
            type=c.type,
            rule=c.rule,
            confidence=round(calibrate.probability(feats) if calibrated else c.confidence, 3),
            cue_lemma=c.cue_lemma,
            source_name=sp.name,
            speaker_kind=sp.kind,
            role=sp.role,
            organisation=sp.organisation,
            reported_by=r.relay_of(c),
            kind=c.kind,
        )
        out.append((att, feats))
    out.sort(key=lambda af: (af[0].start, af[0].end))
    return out


def find_attributions(parse: ParsedArticle) -> list[Attribution]:
    """Every attributed statement in ``parse``, in text order: extraction plus speaker resolution.

    ``confidence`` is the calibrated probability that the statement is right."""
    return [a for a, _ in _attributions(parse, calibrated=True)]

"""De-identification: detect personal identifiers, review them, replace them, and keep the key apart.

Typical use (the project-level ``makna deid scan/apply/reveal`` commands are thin layers over this)::

    from makna.privacy import detect, Review, KeyMapping, pseudonymise, write_key, read_key, restore

    review = Review(text, detect(text, language="id", known_names=["Siti"]))
    review.accept_all(min_confidence=0.5)
    mapping = KeyMapping()
    new_text, reps = pseudonymise(text, review.final(), mode="surrogate", mapping=mapping)
    key_id = write_key(key_path, mapping, passphrase, project=project_fingerprint(project_id),
                       replacements={source_id: [r.__dict__ ...]})
"""

from __future__ import annotations

from ._rxcache import compiled_once

with compiled_once("privacy"):  # the modules' patterns from the cache on disk when it holds them
    from .detect import detect, propagate, resolve_overlaps
    from .evaluate import EvaluationReport, GoldDocument, Scores, evaluate, evaluate_documents, load_gold
    from .keyfile import project_fingerprint, read_header, read_key, write_key
    from .pseudonymise import KeyMapping, Mode, Replacement, map_offset, pseudonymise, restore
    from .review import Review, ReviewItem, context
    from .surrogates import SurrogateGenerator
    from .types import PII_TYPES, STRUCTURED_TYPES, Detection

__all__ = [
    "PII_TYPES",
    "STRUCTURED_TYPES",
    "Detection",
    "EvaluationReport",
    "GoldDocument",
    "KeyMapping",
    "Mode",
    "Replacement",
    "Review",
    "ReviewItem",
    "Scores",
    "SurrogateGenerator",
    "context",
    "detect",
    "evaluate",
    "evaluate_documents",
    "load_gold",
    "map_offset",
    "project_fingerprint",
    "propagate",
    "pseudonymise",
    "read_header",
    "read_key",
    "resolve_overlaps",
    "restore",
    "write_key",
]

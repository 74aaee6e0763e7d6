"""The detectors of one chunk of text in order (internal): speaker labels, the shared scans, every rule-based
detector, overlap resolution, the learned layer and the precision stage. :func:`makna.privacy.detect` imports
this module at its first call, so that importing :mod:`makna.privacy` stays cheap."""

from __future__ import annotations

from collections.abc import Sequence

from ._cues import scan_cues
from ._text import cap_runs
from .address_units import address_units_apart
from .agecontext import ages_after_persons, find_context_ages
from .agekin import find_kin_ages
from .agelists import listed_ages
from .agespans import drop_spans_of_time
from .agewhen import when_ages
from .answers import detect_answers
from .bank_accounts import accounts_over
from .catchall import coordinated_names, detect_unknown, repeat_unknown
from .cuewords import detect_context, detect_context_after
from .detect import harmonise_types, resolve_overlaps
from .employers import find_employers
from .en_context import context_ages, context_orgs, context_persons, context_places, listed_alike
from .en_evidence import english_evidence
from .en_retype import (
    bodies_are_orgs,
    first_names_of_persons,
    names_said_as_names,
    places_after_prepositions,
    places_answered_to_where,
    restated_full_names,
)
from .given_names import given_names
from .groupnames import said_to_be_orgs
from .header_names import header_names
from .header_places import header_places
from .kindapposed import apposed_orgs
from .kindtypes import type_by_kind_words
from .learned import refine
from .lookalikes import drop_lookalikes
from .name_cuts import cut_names
from .name_extent import close_name_edges
from .name_mentions import persons_over_listed_places, persons_shown_as_handles, spread_mentions
from .neighbours import listed_places, nicknames, prefixed_places, role_persons, route_places
from .org_spans import close_org_spans
from .orgcontext import apply_org_context
from .orgcues import apply_org_cues
from .patterns import detect_patterns
from .person_clauses import person_clauses, retype_by_clause
from .person_echoes import echo_names, persons_over_places
from .person_kinds import person_kinds
from .persons import detect_persons, repeat_names, titled_names_first
from .placecontext import find_shaped_places, find_word_places, places_after_addresses
from .placelists import places_listed_with_places
from .places import detect_places
from .placespans import close_place_spans, streets_are_places
from .precision import apply_stage
from .roletypes import type_by_role
from .screen_names import screen_names
from .shapes import detect_shapes
from .span_closure import close_spans
from .span_edges import close_edges
from .spans import join_names
from .speakers import export_senders, find_labels, label_persons, mask_labels
from .spoken_ids import speech_over
from .structured import detect_structured
from .surname_particles import particle_names
from .types import Detection
from .venueroles import employer_venues, reported_to

__all__ = ["detect_chunk"]


def detect_chunk(text: str, language: str, known_names: Sequence[str]) -> list[Detection]:
    labels = find_labels(text, known_names)
    scan = mask_labels(text, labels)  # speaker labels are structure: no detector reads them
    runs = cap_runs(scan)  # shared by the place and person detectors
    cues = scan_cues(scan, runs)  # one pass for the case-folded cue words of eight patterns
    candidates: list[Detection] = label_persons(text, labels)
    candidates.extend(export_senders(scan))
    candidates.extend(detect_patterns(scan, cues=cues))
    candidates.extend(detect_places(scan, language, runs=runs, cues=cues))
    candidates.extend(detect_persons(scan, language, known_names, runs=runs, cues=cues))
    candidates.extend(detect_unknown(scan, language, runs))
    candidates.extend(detect_context(scan, runs))
    candidates.extend(detect_shapes(scan))
    candidates.extend(detect_structured(scan))
    candidates.extend(find_employers(scan, runs))
    candidates.extend(detect_answers(scan))
    candidates.extend(role_persons(scan))
    candidates.extend(prefixed_places(scan))
    candidates.extend(nicknames(scan))
    candidates.extend(route_places(scan))
    candidates.extend(context_persons(scan))  # English context: "Marcin's flat", "a passenger, Marcin,"
    candidates.extend(context_places(scan))  # "down in Plaistow", "Agar Grove", "the Pembury estate"
    candidates.extend(context_ages(scan))  # "nineteen years of age", "outside flat 12"
    candidates.extend(context_orgs(scan))  # "I'm on Quikbite", "she rides for Trolleo"
    candidates.extend(person_clauses(scan))  # "Ratri... eh, Ratmi", "Rivaldi sering chat", "Wulani, kawan sakarajo,"
    candidates.extend(english_evidence(scan, language))  # "rang Dorota", "my boss, Gintare,", "born in Chapelton"
    candidates.extend(find_word_places(scan, language, runs))
    candidates.extend(find_shaped_places(scan, language))
    candidates.extend(find_context_ages(scan))
    candidates.extend(find_kin_ages(scan))  # "punya anak 7 tahun", "me, forty-one," (agekin.py, ages29)
    candidates = cut_names(scan, candidates)  # no date, tab or edge number word in a name (name_cuts.py, ages29)
    candidates = titled_names_first(candidates)  # "Mpok Leha" names a person, whatever a place list says
    first = resolve_overlaps(candidates)
    candidates.extend(repeat_names(scan, first))
    candidates.extend(repeat_unknown(scan, first))
    candidates.extend(coordinated_names(scan, first))
    candidates.extend(listed_places(scan, first))
    candidates.extend(listed_alike(scan, first))  # "Dashly and Grubhop", "Heathrow to Southall"
    candidates.extend(detect_context_after(scan, first))
    candidates.extend(places_after_addresses(scan, first, language))
    candidates.extend(ages_after_persons(scan, first))
    candidates.extend(when_ages(scan, first))  # "Mrs Trewartha-Ollie, ninety-one in the spring", "dua puluh lima jalan"
    candidates = cut_names(scan, candidates)
    rules = join_names(scan, harmonise_types(resolve_overlaps(candidates)), runs)
    found = refine(text, scan, language, rules, runs)  # learned model on top
    found = apply_stage(scan, language, found)  # then the precision stage
    found = apply_org_context(scan, found, runs)  # then the organisation context model
    found = apply_org_cues(scan, found, runs)  # and the organisation cues it cannot learn
    found = drop_lookalikes(scan, language, found)  # then the words that only look like identifiers
    found = close_spans(scan, found, language)  # persons' and addresses' spans closed over a missing initial or part
    found = type_by_kind_words(scan, language, found)  # one type per name, by its kind word (kindtypes.py, deidtype1)
    found = close_place_spans(scan, found)  # a street's or a quarter's type word, a town after a comma
    found = type_by_role(scan, found)  # then by its role in the sentence (roletypes.py, deidtype2)
    found = apposed_orgs(scan, found)  # a name after a kind of organisation said in lower case (kindapposed.py)
    found = employer_venues(scan, found)  # a hotel, villa or lodge named as an employer (venueroles.py)
    found = reported_to(scan, found)  # a place one reports or complains to: a police station, a court (venueroles.py)
    found = said_to_be_orgs(scan, found)  # "X, it's a group for carers", "anggota X": an ORG (groupnames.py)
    found = streets_are_places(found)  # an ORG ending in a street's type word
    found = retype_by_clause(scan, found)  # a span in apposition to a person noun, an account in a person's name
    found = person_kinds(scan, found)  # ranks, families, given-name heads, a legend's codes, short forms
    found = screen_names(scan, found)  # "di aplikasi saya pakai Teduh": a person's name on an app
    found = places_after_prepositions(scan, found, language)  # "put me in Torvale Brook": a place (en_retype.py)
    found = restated_full_names(scan, found, language)  # "I'm Ailsa, Ailsa Drummondie": that person (en_retype.py)
    found = first_names_of_persons(scan, found, language)  # "spoke to Tafadzwa" and "Tafadzwa Mhlanga" (en_retype.py)
    found = bodies_are_orgs(scan, found, language)  # "the Harbour Labour Department": an ORG (en_retype.py)
    found = names_said_as_names(scan, found, language)  # "Tuesday, which is what my gran called me" (en_retype.py)
    found = places_answered_to_where(scan, found, language)  # "where do you stay?" "Kilbarran, ..." (en_retype.py)
    found = places_listed_with_places(scan, found)  # "Leeds, X and Hulme": a name listed with places (placelists.py)
    found = particle_names(scan, found)  # "Pieter van der Walt", "Mrs de Klerk": one PERSON (surname_particles.py)
    found = header_places(text, found)  # and the places of a "Lokasi:" header line, whatever the stages made of them
    found = close_org_spans(scan, found, language)  # an organisation's first words and joined parts (org_spans.py)
    found = header_names(text, found)  # a speaker's name on a call export's header line, whole (header_names.py)
    found = persons_over_places(scan, found, language)  # "Aunty Lina" and "Lina Ino" a list holds (person_echoes.py)
    found = echo_names(scan, found, language)  # a full name's given name or surname alone (person_echoes.py)
    found = given_names(scan, found)  # "dipanggil Mama Ina", "manggil Wulan atau Ulan" (given_names.py)
    found = spread_mentions(scan, found)  # a name's other mentions, lower-case ones included (name_mentions.py)
    found = persons_shown_as_handles(found)  # a display name that is a person's name found elsewhere (name_mentions.py)
    found = persons_over_listed_places(scan, found)  # and a one-word listed place that is one, no preposition before
    found = listed_ages(scan, found)  # the other ages of a list of people that holds an age (agelists.py)
    found = drop_spans_of_time(scan, found)  # "sudah tiga tahun narik", "for three years": how long (agespans.py)
    found = close_edges(text, found, language)  # ages', dates' and addresses' edges (span_edges.py)
    found = close_name_edges(scan, found)  # a name's span one capitalised word short (name_extent.py)
    found = address_units_apart(found)  # a unit a learned span joined to an address: a place (address_units.py)
    found = speech_over(scan, found)  # numbers, plates and names said aloud in pieces (spoken_ids.py)
    return accounts_over(scan, found)  # last, account numbers by their cue; what overlaps one gives way

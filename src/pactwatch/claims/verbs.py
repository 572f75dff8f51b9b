"""The cue-verb pattern: a reporting verb of the lexicon with its source and content.

"X said (that) …", "…, X said.", "“…,” X said", "X told Y …", "X said: “…”", "The plan, X said,
failed" (the cue as a parenthetical); "X denied the allegations", "X dismissed claims of …" (a
claim noun with a possessor or nationality is itself an attribution: "Western claims of …");
participles and coordinated verbs take the subject of their head ("…, asserting that …", "X
dismissed … and affirmed that …"); "X wants/plans/hopes to …", "called on Y to …", "asked
whether …"; a cue verb with a preposition ("X called for …", "X thanked Y for …"); "said
yes/so", "as X reported, …", "X, who said …", "by saying …"; quotations the parse leaves
unattached ("“…,” X said", "X said on Monday, “…”").
"""

from __future__ import annotations

from pactwatch.claims.contents import (
    charge,
    clause_child,
    complement,
    content_of,
    host_content,
    pronoun_object,
    quote_attributions,
    spoken_after,
)
from pactwatch.claims.grammar import has_subject, is_negated, is_passive
from pactwatch.claims.lexicon import Lexicon, VerbCue
from pactwatch.claims.record import Attribution
from pactwatch.claims.sources import (
    continues_report,
    following_subject,
    noun_holder,
    preceding_subject,
    relative,
    subject,
    with_source,
)
from pactwatch.claims.spans import char_spans, hull, subtree_ids

# positions where a cue verb is mostly not reporting anything: "groups supporting X",
# "those who support X", "to say X and (to) say Y"
WEAK_POSITIONS = frozenset({("acl", "VBG"), ("relcl", "VB"), ("relcl", "VBP"), ("conj", "VB")})


def _is_cue_verb(verb, lex: Lexicon) -> bool:
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "compound"):
        return False
    if any(c.dep_ == "prt" and c.lower_ in lex.words.idle_particles for c in verb.children):
        return False
    return (verb.dep_, verb.tag_) not in WEAK_POSITIONS


def verb_attributions(doc, verb, lex: Lexicon) -> list[Attribution]:
    """The attributions of ``verb`` as a cue verb of the lexicon (or a prepositional one)."""
    cue = lex.verbs.get(lex.verb_lemma(verb))
    prep = _prep_cue(verb, lex)
    if (cue is None and prep is None) or not _is_cue_verb(verb, lex):
        return []
    return verb_relation(doc, verb, lex, cue, prep)


def verb_relation(doc, verb, lex: Lexicon, cue: VerbCue | None, prep) -> list[Attribution]:
    """Source and content of a cue verb (``cue`` from the lexicon, ``prep`` its prepositional
    frame); also reads the generic candidates the cue model weighs."""
    says = cue is not None and "clause" in cue.takes
    refused = _refuses_object(verb, cue)
    base = {"cue": char_spans(doc, {t.i for t in cue_tokens(verb, lex)}),
            "stance": cue.stance if cue else prep[0], "kind": "verb", "negated": is_negated(verb)}
    base = with_source(doc, subject(verb, lex), verb, lex, relative(verb), **base)
    if "source" not in base and not is_passive(verb):
        near = preceding_subject(doc, verb, lex) or (following_subject(doc, verb) if says else ())
        if not near:
            return quote_attributions(doc, verb, base) if says and not refused else []
        base = {**base, "source": near, "source_parts": (hull(near),)}
    found = _verb_content(doc, verb, cue.takes, lex, base) if cue else []
    if not found and prep is not None:
        found = _prep_attributions(doc, verb, prep, base, lex)
    if not found and says and not refused:
        found = quote_attributions(doc, verb, base)
    return found


def _refuses_object(verb, cue) -> bool:
    """ "X defended the incident, calling …": an object the lexicon refuses as a claim is still
    what the verb is about, so no quotation nearby is its content (the generic reading of
    the candidates offers the object to the cue model)."""
    return cue is not None and "claim_object" in cue.takes and any(
        c.dep_ == "dobj" for c in verb.children)


def _prep_cue(verb, lex: Lexicon):
    """(stance, preposition) for "called for", "talked about", "responded to" with an object."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.prep_lemmas:  # most words: no need to read their children
        return None
    for child in verb.children:
        stance = lex.prep_verbs.get((lemma, child.lower_))
        objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if child.dep_ == "prep" and stance and objs and objs[0].ent_type_ not in ("DATE", "TIME"):
            return stance, child
    return None


def _prep_attributions(doc, verb, prep, base: dict, lex: Lexicon) -> list[Attribution]:
    """The content is the preposition's object, and an infinitive after it ("call on X to …")."""
    stance, tok = prep
    ids = subtree_ids(tok) - {tok.i}
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if xcomp is not None:
        ids |= subtree_ids(xcomp)
    cue_ids = {t.i for t in cue_tokens(verb, lex)} | {tok.i}
    fields = {**base, "cue": char_spans(doc, cue_ids), "stance": stance}
    return [Attribution(**fields, content=char_spans(doc, ids), content_root=tok.i)]


def cue_tokens(verb, lex: Lexicon) -> list:
    """The cue: the verb, its particle ("point out") and a channel ("in a statement")."""
    toks = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    for prep in (c for c in verb.children
                 if c.dep_ == "prep" and c.lower_ in lex.words.channel_prepositions):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in lex.channels and prep.i == verb.i + 1:
            toks.extend(prep.subtree)
    return toks


def _nested_cues(root, lex: Lexicon) -> list:
    """Cues hanging off a reported clause that continue the reporting verb: "“…,” X said,
    adding …", "X says A was so and says B"."""
    return [c for c in root.children if lex.verb_lemma(c) in lex.verbs and (
        (c.dep_ == "advcl" and c.tag_ == "VBG") or (c.dep_ == "conj" and continues_report(c, lex)
                                                     and not has_subject(c)))]


def _verb_content(doc, verb, takes, lex: Lexicon, base: dict) -> list[Attribution]:
    kids: dict = {}
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        kids.setdefault(child.dep_, child)
    root = clause_child(verb, takes, lex)
    if root is not None and root.i < verb.i and "clause" in takes:
        spoken = spoken_after(doc, verb, root)  # "Asked about X, Trump replied: “…”"
        if spoken:
            return [Attribution(**base, content=spoken)]
    if root is not None:
        found = content_of(doc, root, _nested_cues(root, lex))
        return [Attribution(**base, content=found, content_root=root.i)]
    if "clause" in takes and "intj" in kids and kids["intj"].i > verb.i:
        root = kids["intj"]
        return [Attribution(**base, content=content_of(doc, root), content_root=root.i)]
    if "object" in takes and "dobj" in kids and "oprd" in kids:
        ids = subtree_ids(kids["dobj"]) | subtree_ids(kids["oprd"])
        return [Attribution(**base, content=char_spans(doc, ids), content_root=kids["dobj"].i)]
    if "dobj" in kids and _takes_object(kids["dobj"], takes, lex) and verb.dep_ != "acl":
        hosted = pronoun_object(doc, verb, kids["dobj"], base) if "clause" in takes else []
        return hosted or _object_attributions(doc, kids["dobj"], lex, base)
    return host_content(doc, verb, base) if "clause" in takes else []


def _takes_object(obj, takes, lex: Lexicon) -> bool:
    """Any object for `object` verbs; for the others only a claim noun ("backed the claims")."""
    if "object" in takes:
        return True
    lemma = obj.lemma_.lower()
    return lemma in lex.nouns or lemma in lex.light_nouns


def _object_attributions(doc, obj, lex: Lexicon, base: dict) -> list[Attribution]:
    """ "denied the allegations", "dismissed Western claims of troop deployment"."""
    lemma = obj.lemma_.lower()
    if lemma not in lex.nouns and lemma not in lex.light_nouns:
        ids = subtree_ids(obj) | set().union(*(subtree_ids(p) for p in charge(obj, lex)))
        return [Attribution(**base, content=char_spans(doc, ids), content_root=obj.i)]
    comp = complement(obj, lex)
    if comp is None:
        anaphoric = any(c.dep_ in ("det", "poss") and c.lower_ in lex.anaphoric for c in obj.children)
        return [Attribution(**base, content=content_of(doc, obj), content_root=obj.i,
                            anaphoric=anaphoric)]
    said = content_of(doc, comp)
    found = [Attribution(**base, content=said, content_root=comp.i)]
    holder = noun_holder(obj)
    if holder is not None and lemma in lex.nouns:
        fields = with_source(doc, holder, None, lex, cue=char_spans(doc, {obj.i}),
                             stance=lex.nouns[lemma], kind="object-noun")
        found.append(Attribution(**fields, content=said, content_root=comp.i))
    return found

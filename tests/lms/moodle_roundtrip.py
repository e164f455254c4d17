"""Reads Moodle XML exports back with an independent parser and compares them with `sourced quiz --json`.

Usage: moodle_roundtrip.py DIR, where DIR holds seed-N.json (from `sourced quiz --json`) and
seed-N.xml (from `sourced export --format moodle-xml` with the same options).

The PyPI package moodle-xml-parser reads multichoice and cloze questions (the multiple choice,
who-said, source-check and cloze kinds); the standard library's ElementTree reads the rest
(truefalse, numerical, matching, ordering). For every question: the prompt, the options, the
key, every accepted spelling, the tolerance and unit, the explanation, the status, every quote,
the topic and fact-id tags. Prints 'N passed, N failed' and exits 1 on any failure.
"""

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from moodle_xml_parser.parser import parse_file

STATUS = {
    "corroborated": "Confirmed by independent reports.",
    "single-source": "Reported by one source only.",
    "conflicting": "The reports disagree",
}


def text_of(node, path):
    found = node.find(path)
    return html.unescape((found.text or "").strip()) if found is not None else ""


def number_of(name):
    return int(name.split(" ", 1)[0])


def unescape_embedded(answer):
    """Moodle's embedded-answer escapes (\\} \\# \\~ \\/ \\" \\\\) undone."""
    return re.sub(r"\\(.)", r"\1", answer)


def check_common(problems, where, q, prompt_html, general_feedback, tags):
    if not prompt_html.startswith("<p>" + q["prompt"] + "</p>"):
        problems.append(f"{where}: the question text does not start with the prompt")
    for needed in [q["explanation"], q["answer_text"], STATUS[q["status"]]]:
        if needed not in general_feedback:
            problems.append(f"{where}: general feedback lacks {needed[:60]!r}")
    for quote in q["quotes"] + q.get("context", []):
        if quote["text"] not in general_feedback:
            problems.append(f"{where}: general feedback lacks the quote {quote['text'][:60]!r}")
    wanted = {f"topic:{q['topic']}", f"kind:{q['kind']}", f"status:{q['status']}"}
    wanted |= {f"fact:{f}" for f in q["fact_ids"]}
    if not wanted <= set(tags):
        problems.append(f"{where}: tags {sorted(tags)} lack {sorted(wanted - set(tags))}")


def check_file(xml_path, json_path):
    problems = []
    quiz = json.loads(json_path.read_text())["questions"]
    parsed = parse_file(str(xml_path))
    root = ET.parse(xml_path).getroot()
    by_number = {}
    for node in root.findall("question"):
        if node.get("type") != "category":
            by_number[number_of(text_of(node, "name/text"))] = node
    if sorted(by_number) != list(range(1, len(quiz) + 1)):
        return [f"{xml_path.name}: questions {sorted(by_number)} for a quiz of {len(quiz)}"]
    multichoice = {number_of(m.name): m for m in parsed["multichoice"]}
    cloze = {number_of(c.name): c for c in parsed["cloze"]}
    for n, q in enumerate(quiz, start=1):
        where = f"{xml_path.name} question {n} ({q['kind']})"
        node = by_number[n]
        tags = [html.unescape(t.text or "") for t in node.findall("tags/tag/text")]
        feedback = text_of(node, "generalfeedback/text")
        kind = q["kind"]
        if kind in ("multiple_choice", "who_said", "source_check"):
            m = multichoice.get(n)
            if m is None:
                problems.append(f"{where}: moodle-xml-parser found no multichoice")
                continue
            check_common(problems, where, q, m.text_pre_parse, m.general_feedback, tags)
            if [o.answer for o in m.options] != q["options"]:
                problems.append(f"{where}: options {[o.answer for o in m.options]} != {q['options']}")
            right = [i for i, o in enumerate(m.options) if o.score_fraction == 100]
            if right != [q["answer"]] or not m.single:
                problems.append(f"{where}: key {right} != {q['answer']}")
        elif kind == "cloze":
            c = cloze.get(n)
            if c is None or len(c.gaps) != 1:
                problems.append(f"{where}: moodle-xml-parser found no single-gap cloze")
                continue
            check_common(problems, where, q, c.text_pre_parse, feedback, tags)
            gap = c.gaps[0]
            spellings = [unescape_embedded(o.answer) for o in gap.options]
            if gap.sub_type != "SHORTANSWER" or any(o.score != 100 for o in gap.options):
                problems.append(f"{where}: gap {gap.raw_content!r} is not full-mark SHORTANSWER")
            if spellings[: len(q["answer"])] != q["answer"]:
                problems.append(f"{where}: accepted {spellings} do not start with {q['answer']}")
            sentence = c.text_pre_parse
            if q["before"] + gap.raw_content + q["after"] not in sentence:
                problems.append(f"{where}: the blank is not in its sentence")
        elif kind == "true_false":
            check_common(problems, where, q, text_of(node, "questiontext/text"), feedback, tags)
            answers = {text_of(a, "text"): a.get("fraction") for a in node.findall("answer")}
            key = "true" if q["options"][q["answer"]] == q["options"][0] else "false"
            if node.get("type") != "truefalse" or sorted(answers) != ["false", "true"] or answers[key] != "100":
                problems.append(f"{where}: truefalse answers {answers}, key {key}")
        elif kind == "numeric":
            check_common(problems, where, q, text_of(node, "questiontext/text"), feedback, tags)
            right = [a for a in node.findall("answer") if a.get("fraction") == "100"]
            got = (float(text_of(right[0], "text")), float(text_of(right[0], "tolerance"))) if right else None
            if got != (q["answer"], q["tolerance"]):
                problems.append(f"{where}: answer and tolerance {got} != {(q['answer'], q['tolerance'])}")
            if text_of(node, "units/unit/unit_name") != q["unit"]:
                problems.append(f"{where}: unit {text_of(node, 'units/unit/unit_name')!r} != {q['unit']!r}")
        elif kind == "matching":
            check_common(problems, where, q, text_of(node, "questiontext/text"), feedback, tags)
            pairs = [(text_of(s, "text"), text_of(s, "answer/text")) for s in node.findall("subquestion")]
            wanted = [(q["left"][l], q["options"][r]) for l, r in q["answer"]]
            if [p for p in pairs if p[0]] != wanted:
                problems.append(f"{where}: pairs {pairs} != {wanted}")
            if sorted(a for _, a in pairs) != sorted(q["options"]):
                problems.append(f"{where}: the answers on offer {sorted(a for _, a in pairs)} != {sorted(q['options'])}")
        elif kind == "ordering":
            check_common(problems, where, q, text_of(node, "questiontext/text"), feedback, tags)
            answers = sorted(node.findall("answer"), key=lambda a: int(a.get("fraction")))
            got = [text_of(a, "text") for a in answers]
            wanted = [q["options"][i] for i in q["answer"]]
            if got != wanted or text_of(node, "gradingtype") != "ALL_OR_NOTHING":
                problems.append(f"{where}: order {got} != {wanted}")
        else:
            problems.append(f"{where}: a kind this test does not know")
    return problems


def main():
    folder = Path(sys.argv[1])
    passed = failed = 0
    for json_path in sorted(folder.glob("seed-*.json")):
        problems = check_file(json_path.with_suffix(".xml"), json_path)
        if problems:
            failed += 1
            for problem in problems[:5]:
                print("FAIL", problem)
        else:
            passed += 1
    print(f"moodle round trip: {passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()

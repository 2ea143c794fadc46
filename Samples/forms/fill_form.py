#!/usr/bin/env python3
"""Fill in a TenderScore response form the way a bidder's word processor would.

Used by the TenderFormsTests and to make the sample bids in this folder. It edits the package
with python-docx (.docx) or odfpy (.odt), which rewrite it as Word and LibreOffice do, rather than
patching TenderScore's own XML.

    fill_form.py FORM ANSWERS.json OUTPUT

ANSWERS.json: {"fields": {"tenderscore:bidder:name": "text", ...},
               "blocks": {"tenderscore:criterion:ID": [["p", "text"], ["bullet", "text"], ["number", "text"]], ...}}
A marker in "fields" gets one paragraph; one in "blocks" gets the paragraphs and list items given.
"""
import json
import sys


def fill_docx(form, answers, output):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(form)
    wanted = dict(answers.get("fields", {}))
    blocks = {k: v for k, v in answers.get("blocks", {}).items()}
    for key, text in wanted.items():
        blocks[key] = [["p", text]]
    styles = {"p": None, "bullet": "List Bullet", "number": "List Number"}
    for sdt in document.element.body.iter(qn("w:sdt")):
        properties = sdt.find(qn("w:sdtPr"))
        tag = properties.find(qn("w:tag")) if properties is not None else None
        if tag is None or tag.get(qn("w:val")) not in blocks:
            continue
        placeholder = properties.find(qn("w:showingPlcHdr"))
        if placeholder is not None:
            properties.remove(placeholder)
        content = sdt.find(qn("w:sdtContent"))
        for child in list(content):
            content.remove(child)
        for kind, text in blocks[tag.get(qn("w:val"))]:
            paragraph = document.add_paragraph(text, style=styles[kind])
            content.append(paragraph._p)  # moves it from the end of the body into the box
    document.save(output)


def fill_odt(form, answers, output):
    from odf.opendocument import load
    from odf import text

    document = load(form)
    blocks = {k: v for k, v in answers.get("blocks", {}).items()}
    for key, value in answers.get("fields", {}).items():
        blocks[key] = [["p", value]]
    for section in document.getElementsByType(text.Section):
        name = section.getAttribute("name")
        if name not in blocks:
            continue
        for child in list(section.childNodes):
            section.removeChild(child)
        current_list, current_kind = None, None
        for kind, value in blocks[name]:
            if kind == "p":
                current_list, current_kind = None, None
                section.addElement(text.P(stylename="Answer", text=value))
                continue
            if current_kind != kind:
                current_list = text.List(stylename="List_20_Bullet" if kind == "bullet" else "Numbering_20_123")
                section.addElement(current_list)
                current_kind = kind
            item = text.ListItem()
            item.addElement(text.P(stylename="List_20_Item", text=value))
            current_list.addElement(item)
    document.save(output)


def main():
    form, answers_path, output = sys.argv[1:4]
    with open(answers_path, encoding="utf-8") as handle:
        answers = json.load(handle)
    if form.lower().endswith(".docx"):
        fill_docx(form, answers, output)
    elif form.lower().endswith(".odt"):
        fill_odt(form, answers, output)
    else:
        sys.exit("fill_form.py: the form must be .docx or .odt")


if __name__ == "__main__":
    main()

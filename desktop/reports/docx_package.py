"""The parts of a .docx around the body: styles, settings, properties, relationships, the zip itself.

Written as text rather than through python-docx: its template package (350 KB of style definitions,
a theme, a thumbnail of an empty page) took half the time of an export to load and re-compress, and
its import alone a tenth of the CLI's whole run. The styles here are the ones the report uses, with
the properties the template gave them (keep-with-next on headings, the title's letter spacing, the
table grid), so Word and LibreOffice lay the document out as before.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def attr(text: str) -> str:
    """Text for an XML attribute value or element (&, <, > and quotes as entities)."""
    return escape(text, quote=True)


def twips(points: float) -> int:
    """Points in twentieths of a point, rounded as Word's own files are (through whole EMUs)."""
    return round(int(points * 12700) / 635)


def mm_twips(mm: float) -> int:
    return round(int(mm * 36000) / 635)


def exact_spacing(line: int) -> str:
    """Lines exactly `line` twentieths of a point apart, nothing before or after the paragraph."""
    return f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'


def fonts(family: str) -> str:
    """The face for Latin and East Asian text alike (no theme font: Word would prefer the theme's)."""
    f = attr(family)
    return f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'


@dataclass(frozen=True)
class StyleSet:
    """What the styles depend on: the faces of each role and the page's type sizes."""

    body: str
    title: str
    headings: tuple[str, str, str, str]  # heading 1…4
    body_size: float
    title_size: float
    line_pitch: float
    bold_lower_headings: bool


def styles_xml(s: StyleSet) -> str:
    fixed = exact_spacing(twips(s.line_pitch))
    size = round(s.body_size * 2)
    indent = twips(2 * s.body_size)
    headings = []
    for level, family in enumerate(s.headings, start=1):
        bold = "<w:b/>" if level >= 3 and s.bold_lower_headings else '<w:b w:val="0"/>'
        headings.append(
            f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:keepLines/>{fixed}<w:ind w:firstLine="{indent}" w:firstLineChars="200"/>'
            f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            f'<w:rPr>{fonts(family)}{bold}<w:i w:val="0"/><w:color w:val="000000"/><w:sz w:val="{size}"/></w:rPr>'
            "</w:style>"
        )
    cell_margins = ('<w:tblInd w:w="0" w:type="dxa"/>{borders}<w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
                    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
                    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar>')
    borders = "<w:tblBorders>" + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"
    tabs = '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'
    return (
        f"{XML_HEAD}<w:styles {NS}>"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts(s.body)}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="200" w:line="276" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        # No single line of a paragraph alone at the foot or the head of a page (the PDF does the same).
        f"<w:pPr><w:widowControl/>{fixed}</w:pPr>"
        f'<w:rPr>{fonts(s.body)}<w:sz w:val="{size}"/></w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        + "".join(headings) +
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
        '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'
        # A 公文 title has no rule under it (the usual Title style draws one).
        f'<w:pPr>{fixed}<w:contextualSpacing/><w:jc w:val="center"/></w:pPr>'
        f'<w:rPr>{fonts(s.title)}<w:b w:val="0"/><w:color w:val="000000"/><w:spacing w:val="5"/><w:kern w:val="28"/>'
        f'<w:sz w:val="{round(s.title_size * 2)}"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
        f'<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>{tabs}'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
        f'<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>{tabs}'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
        f'<w:tblPr>{cell_margins.format(borders="")}</w:tblPr></w:style>'
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:tblPr>{cell_margins.format(borders=borders)}</w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        "</w:styles>"
    )


SETTINGS_XML = (
    f"{XML_HEAD}<w:settings {NS}>"
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
    "<w:evenAndOddHeaders/>"  # page numbers: odd pages right, even pages left
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:useFELayout/>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/>'
    '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    "</w:compat>"
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    "</w:settings>"
)


def font_table_xml(families: list[str]) -> str:
    # Charset 86 (GB2312): where a face is missing, Word substitutes a Chinese one, not a Latin one.
    entries = "".join(f'<w:font w:name="{attr(f)}"><w:charset w:val="86"/><w:family w:val="auto"/></w:font>'
                      for f in dict.fromkeys(families))
    return f"{XML_HEAD}<w:fonts {NS}>{entries}</w:fonts>"


def core_xml(title: str, author: str, now: datetime) -> str:
    stamp = now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{attr(title)}</dc:title><dc:creator>{attr(author)}</dc:creator>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP_XML = (
    f"{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    "<Application>fulian-desk</Application><DocSecurity>0</DocSecurity></Properties>"
)

# The body's relationships: ids the document and section properties refer to.
HEADER_IDS = {"default": "rIdHeaderOdd", "even": "rIdHeaderEven"}
FOOTER_IDS = {"default": "rIdFooterOdd", "even": "rIdFooterEven"}
_PART_OF = {"rIdHeaderOdd": "header1.xml", "rIdHeaderEven": "header2.xml",
            "rIdFooterOdd": "footer1.xml", "rIdFooterEven": "footer2.xml"}

CONTENT_TYPES_XML = (
    f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_WML}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_WML}.settings+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{_WML}.fontTable+xml"/>'
    + "".join(f'<Override PartName="/word/{name}" ContentType="{_WML}.{name[:6]}+xml"/>'
              for name in _PART_OF.values()) +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

PACKAGE_RELS_XML = (
    f'{XML_HEAD}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_DOC_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELS_XML = (
    f'{XML_HEAD}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rIdStyles" Type="{_DOC_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_DOC_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{_DOC_REL}/fontTable" Target="fontTable.xml"/>'
    + "".join(f'<Relationship Id="{rid}" Type="{_DOC_REL}/{name[:6]}" Target="{name}"/>'
              for rid, name in _PART_OF.items()) +
    "</Relationships>"
)


@dataclass
class Parts:
    """The variable parts of one document; the rest of the package is fixed."""

    document: str
    styles: str
    font_table: str
    headers: dict[str, str]  # "default" / "even" → the part's XML
    footers: dict[str, str]
    title: str
    author: str


def save(parts: Parts, path: Path, now: datetime | None = None) -> None:
    """Write the package to `path` (a new file; the caller commits it into place)."""
    members = [
        ("[Content_Types].xml", CONTENT_TYPES_XML),
        ("_rels/.rels", PACKAGE_RELS_XML),
        ("docProps/core.xml", core_xml(parts.title, parts.author, now or datetime.now(timezone.utc))),
        ("docProps/app.xml", APP_XML),
        ("word/document.xml", parts.document),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS_XML),
        ("word/styles.xml", parts.styles),
        ("word/settings.xml", SETTINGS_XML),
        ("word/fontTable.xml", parts.font_table),
    ]
    for kind, part in (("default", "header1.xml"), ("even", "header2.xml")):
        members.append((f"word/{part}", parts.headers[kind]))
    for kind, part in (("default", "footer1.xml"), ("even", "footer2.xml")):
        members.append((f"word/{part}", parts.footers[kind]))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members:
            archive.writestr(name, text.encode("utf-8"))

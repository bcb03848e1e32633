"""The PDF renderer: page layout, running header and footer, contents, bookmarks, metadata.

Follows the shape of pretix's invoice renderer: page size, margins and fonts are
attributes; styles, page decorations and the story are methods a subclass may
override; the document is built into a BytesIO, and a numbered canvas draws
"Page X of Y" once the page count is known.
"""

from __future__ import annotations

import dataclasses
import io
import weakref
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
)

from workbook import __version__
from workbook.export import rl_private
from workbook.export import text as txt
from workbook.export.blocks import Blocks
from workbook.export.fonts import REGULAR, FontChooser
from workbook.export.logo import LogoError, prepare_logo
from workbook.export.options import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
    validate_options,
)
from workbook.export.story import Heading, ReportStory
from workbook.export.styles import HAIRLINE, MUTED, Palette, StyleSheet
from workbook.model import Plan
from workbook.report.blocks import ReportDocument

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
LOGO_FORM = "WorkbookLogo"
FOOTER_SIZE = 7.5


class NumberedCanvas(Canvas):
    """Holds every page until the end, then stamps "Page X of Y" on each but the cover and
    draws what was deferred to that page (the contents, whose page numbers are only known
    once the last page is laid out)."""

    footer_margin = 20 * mm
    page_width = A4[0]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []
        self._deferred: dict[int, list[Callable[[], None]]] = {}

    def defer(self, draw: Callable[[], None]) -> None:
        """Run ``draw`` on the current page when the document is saved."""
        self._deferred.setdefault(self.getPageNumber(), []).append(draw)

    def showPage(self) -> None:  # noqa: N802 - reportlab callback
        self._saved_pages.append(rl_private.page_state(self))
        rl_private.start_next_page(self)

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            rl_private.restore_page_state(self, state)
            number = self.getPageNumber()
            for draw in self._deferred.get(number, ()):
                self.saveState()
                draw()
                self.restoreState()
            if number > 1:
                draw_page_number(self, number, total, self.page_width, self.footer_margin)
            super().showPage()
        super().save()


def draw_page_number(
    canvas: Canvas, number: int, total: int | None, page_width: float, margin: float
) -> None:
    """ "Page X of Y" at the foot of the page, right-aligned at the right margin."""
    canvas.setFont(REGULAR, FOOTER_SIZE)
    canvas.setFillColor(MUTED)
    words = f"Page {number} of {total}" if total else f"Page {number}"
    canvas.drawRightString(page_width - margin, 12 * mm, words)


def layout_units(flowable: Flowable) -> int:
    """How much of the document ``flowable`` is, for progress: a table counts its body rows
    (``body_rows``, set by the tables the export makes), anything else one."""
    rows = getattr(flowable, "body_rows", None)
    return max(1, rows) if rows is not None else 1


class _Document(BaseDocTemplate):
    """Tells the renderer of each flowable placed (progress, cancel, headings)."""

    def __init__(self, buffer: io.BytesIO, renderer: PlanRenderer, **kwargs) -> None:
        super().__init__(buffer, **kwargs)
        self.renderer = renderer

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab callback
        self.renderer.placed(flowable, self)


class PlanRenderer:
    """Renders one report document (built from a plan and options) as a PDF. Subclass to
    restyle it: page size, margins and fonts are attributes, styles, page decorations and
    the story are methods."""

    margin_left = 20 * mm
    margin_right = 20 * mm
    margin_top = 26 * mm
    margin_bottom = 22 * mm
    header_size = 7.5
    header_top = 8 * mm
    """From the top of the page to the top of the running header's logo."""
    header_logo_height = 9.5 * mm
    header_logo_width = 45 * mm
    logo_box = (70 * mm, 28 * mm)
    """Room for the logo on the cover: larger than in the header."""
    story_class = ReportStory
    stylesheet_class = StyleSheet
    blocks_class = Blocks

    def __init__(
        self,
        plan: Plan | None,
        options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen dataclass, safe default
        progress: Callable[[float, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        doc: ReportDocument | None = None,
    ) -> None:
        """``doc``: the document to lay out; None: the one ``options`` ask for, built from
        ``plan`` (:func:`workbook.report.build_report`)."""
        self.options = validate_options(options)
        if doc is None:
            from workbook.report import build_report

            report, branding = self.options.report_inputs()
            doc = build_report(plan, report, branding)
        self.plan = plan
        self.doc = doc
        self.meta = doc.meta
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.page_size = PAGE_SIZES[self.meta.page_size]
        self.fonts = self.make_fonts()
        self.palette = Palette.from_hex(self.meta.accent)
        self.styles = self.stylesheet_class(self.palette)
        self.frame_width = self.page_size[0] - self.margin_left - self.margin_right
        self.blocks = self.blocks_class(self.styles, self.fonts, self.frame_width)
        self._logo_forms: weakref.WeakSet[Canvas] = weakref.WeakSet()
        self.logo_reader = self.load_logo(self.meta.logo)
        self._story_length = 1

    # ------------------------------------------------------------------ override points

    def make_fonts(self) -> FontChooser:
        return FontChooser()

    def load_logo(self, path: Path | None) -> ImageReader | None:
        """The logo, checked and scaled down (:mod:`workbook.export.logo`); ExportError with
        a clear message when it cannot be used."""
        if path is None:
            return None
        try:
            self.logo = prepare_logo(path)
        except LogoError as error:
            raise ExportError(str(error)) from None
        return ImageReader(io.BytesIO(self.logo.png))

    def logo_flowable(self) -> Image | None:
        if self.logo_reader is None:
            return None
        width, height = self.logo_reader.getSize()
        box_w, box_h = self.logo_box
        scale = min(box_w / width, box_h / height)
        # The same pixels as the header's logo: the PDF holds the picture once.
        return Image(io.BytesIO(self.logo.png), width=width * scale, height=height * scale)

    def draw_logo(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        """The logo at (x, y): drawn once per document as a form, then only referred to,
        so each page costs nothing more (drawing the picture itself would make reportlab
        fingerprint its pixels again on every page)."""
        if canvas not in self._logo_forms:
            canvas.beginForm(LOGO_FORM, 0, 0, width, height)
            canvas.drawImage(self.logo_reader, 0, 0, width=width, height=height, mask="auto")
            canvas.endForm()
            self._logo_forms.add(canvas)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(LOGO_FORM)
        canvas.restoreState()

    def story(self) -> list:
        def made(share: float) -> None:
            if self.progress is not None:
                self.progress(0.02 + 0.13 * share, "Preparing the document")

        builder = self.story_class(
            self.doc,
            self.blocks,
            logo=self.logo_flowable(),
            is_cancelled=self.is_cancelled,
            progress=made,
        )
        self.contents = builder.toc
        return builder.build()

    def header_text(self) -> str:
        parts = [txt.clean(self.meta.title), txt.clean(self.meta.organisation)]
        return "  ·  ".join(p for p in parts if p)

    def footer_text(self) -> str:
        who = txt.clean(self.meta.prepared_by)
        return f"Prepared by {who}" if who else self.meta.subject

    def metadata(self) -> dict[str, str]:
        meta = self.meta
        return {
            "title": " ".join(txt.clean(meta.title).split()),
            "author": " ".join(txt.clean(meta.author).split()),
            "subject": " ".join(txt.clean(meta.subject).split()),
            "creator": f"Social Media Value Workbook {__version__}",
            "keywords": ", ".join(meta.keywords),
        }

    def header_logo_size(self) -> tuple[float, float]:
        """The logo's size in the running header: 9.5 mm high, narrower if very wide."""
        lw, lh = self.logo_reader.getSize()
        height = self.header_logo_height
        width = min(self.header_logo_width, lw * height / lh)
        return width, lh * width / lw

    def draw_body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Running header (title, organisation, the logo at the right) above a rule that
        stops short of the logo, and the footer, on every inner page."""
        width, height = self.page_size
        canvas.saveState()
        top = height - self.header_top
        bottom = top - self.header_logo_height
        right = width - self.margin_right
        rule_end = right
        if self.logo_reader is not None:
            w, h = self.header_logo_size()
            # Centred on the band the logo has; a very wide logo is less tall.
            self.draw_logo(canvas, right - w, bottom + (self.header_logo_height - h) / 2, w, h)
            rule_end = right - w - 4 * mm
        header = self._header_paragraph
        header.wrapOn(canvas, rule_end - self.margin_left, 20 * mm)
        header.drawOn(canvas, self.margin_left, bottom + 1.5)
        canvas.setStrokeColor(self.palette.accent_graphic)
        canvas.setLineWidth(0.8)
        canvas.line(self.margin_left, bottom - 1.5 * mm, rule_end, bottom - 1.5 * mm)
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.4)
        canvas.line(self.margin_left, 16 * mm, right, 16 * mm)
        footer = self._footer_paragraph
        footer.wrapOn(canvas, self.frame_width * 0.7, 10 * mm)
        footer.drawOn(canvas, self.margin_left, 12 * mm)
        canvas.restoreState()

    def draw_cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """A band of the accent colour down the left edge of the cover."""
        width, height = self.page_size
        canvas.saveState()
        canvas.setFillColor(self.palette.accent_graphic)
        canvas.rect(0, 0, 7 * mm, height, stroke=0, fill=1)
        canvas.setFillColor(self.palette.accent_pale)
        canvas.rect(7 * mm, 0, 2 * mm, height, stroke=0, fill=1)
        canvas.restoreState()

    # ------------------------------------------------------------------ building

    def _one_line(self, text: str, style_name: str, width: float) -> Paragraph:
        style = self.styles.add(
            style_name,
            parent="body",
            fontSize=self.header_size,
            leading=self.header_size * 1.3,
            textColor=MUTED,
            fontName=REGULAR,
            spaceAfter=0,
        )
        text = " ".join(text.split())
        # Keep the running header to one line however long the title is.
        while len(text) > 4 and self.fonts.measure(text, REGULAR, style.fontSize) > width * 0.97:
            text = text[: int(len(text) * 0.9)].rstrip() + "…"
        return self.blocks.paragraph(text, style_name, width)

    def tick(self, done: int) -> None:
        """Called as flowables are placed: cancel if asked, else report progress."""
        if self.is_cancelled is not None and self.is_cancelled():
            raise ExportCancelled()
        if self.progress is not None:
            share = min(1.0, done / self._story_length)
            self.progress(0.15 + 0.8 * share, "Laying out pages")

    def start_pass(self) -> None:
        """A layout pass begins: progress counts from the start of the story."""
        self._done = self._placed = 0

    def placed(self, flowable: Flowable, doc: BaseDocTemplate) -> None:
        """``flowable`` is on the page: report progress, and note a heading's page in the
        contents and the outline."""
        self._placed += 1
        units = layout_units(flowable)
        self._done += units
        # A table that runs over many pages is placed a page at a time: report each page
        # of it, so the progress moves (and cancel answers) all through a long log.
        if units > 1 or self._placed % 25 == 0:
            self.tick(self._done)
        if isinstance(flowable, Heading):
            key, canvas = flowable.toc_key, doc.canv
            # The canvas makes its pages when it is saved, so the bookmark is made then,
            # on this heading's page (made now, it would point at the first page).
            canvas.defer(lambda: canvas.bookmarkPage(key))
            canvas.addOutlineEntry(
                flowable.toc_text, key, level=flowable.toc_level, closed=flowable.toc_level > 0
            )
            self.contents.note_page(key, doc.page)

    def render(self) -> ExportResult:
        """Lay the plan out and return the PDF. Layout failures are raised as they come
        (the :func:`render` function then tries the plain path)."""
        if self.progress:
            self.progress(0.02, "Preparing the document")
        logo_room = self.header_logo_size()[0] + 4 * mm if self.logo_reader else 0
        self._header_paragraph = self._one_line(
            self.header_text(), "running_header", self.frame_width - logo_room
        )
        self._footer_paragraph = self._one_line(
            self.footer_text(), "running_footer", self.frame_width * 0.7
        )
        story = self.story()
        self._story_length = max(1, sum(layout_units(f) for f in story))
        if self.progress:
            self.progress(0.15, "Laying out pages")
        buffer = io.BytesIO()
        page_count = self.build(buffer, story)
        if self.progress:
            self.progress(1.0, "Done")
        warnings = (*self.doc.warnings, *self.fonts.warnings())
        return ExportResult(buffer.getvalue(), page_count, warnings)

    def make_document(self, buffer: io.BytesIO, document_class: type[BaseDocTemplate]):
        """The document template: page size, margins, metadata, cover and body pages."""
        meta = self.metadata()
        doc = document_class(
            buffer,
            self,
            pagesize=self.page_size,
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=meta["title"],
            author=meta["author"],
            subject=meta["subject"],
            creator=meta["creator"],
            keywords=meta["keywords"],
            lang=self.meta.language,
            # Otherwise every page names Helvetica, a font that is never embedded.
            initialFontName=REGULAR,
            initialFontSize=9,
            initialLeading=12,
        )
        frame = Frame(
            self.margin_left,
            self.margin_bottom,
            self.frame_width,
            self.page_size[1] - self.margin_top - self.margin_bottom,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        cover_frame = Frame(
            self.margin_left + 8 * mm,
            self.margin_bottom,
            self.frame_width - 8 * mm,
            self.page_size[1] - self.margin_bottom - 24 * mm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", [cover_frame], onPage=self.draw_cover_page),
                PageTemplate("body", [frame], onPage=self.draw_body_page),
            ]
        )
        return doc

    def canvas_class(self) -> type[Canvas]:
        """The canvas, told the page width and margin for its "Page X of Y"."""
        renderer = self

        class _Canvas(NumberedCanvas):
            footer_margin = renderer.margin_right
            page_width = renderer.page_size[0]

        return _Canvas

    def build(self, buffer: io.BytesIO, story: list[Flowable]) -> int:
        """Lay ``story`` out into ``buffer`` in one pass; the number of pages."""
        self.start_pass()
        doc = self.make_document(buffer, _Document)
        doc.build(story, canvasmaker=self.canvas_class())
        return doc.page


def render(
    plan: Plan | None,
    options: ExportOptions,
    progress: Callable[[float, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    doc: ReportDocument | None = None,
) -> ExportResult:
    """Render ``plan`` (or the report ``doc``) with the default renderer, or, if its layout
    fails, the plain one (:mod:`workbook.export.plain`), which says so in the warnings."""
    try:
        return PlanRenderer(plan, options, progress, is_cancelled, doc).render()
    except (ExportCancelled, ExportError):
        raise
    except Exception as error:  # a layout bug, or reportlab's internals moved
        failure = f"{type(error).__name__}: {str(error)[:200]}"
    from workbook.export.plain import PlainRenderer

    try:
        result = PlainRenderer(plan, options, progress, is_cancelled, doc).render()
    except (ExportCancelled, ExportError):
        raise
    except Exception as exc:
        # A layout failure is a bug, but the user should get a message, not a traceback.
        raise ExportError(
            f"The PDF could not be laid out ({failure}; then {type(exc).__name__}: "
            f"{str(exc)[:200]}). Please report this, with the plan file if you can share it."
        ) from exc
    note = (
        f"The PDF was made with the simpler layout because the usual one failed ({failure}). "
        "Everything is in it; only the look is plainer. Please report this, with the plan "
        "file if you can share it."
    )
    return dataclasses.replace(result, warnings=(*result.warnings, note))


__all__ = ["NumberedCanvas", "PlanRenderer", "render"]

"""A printed document shown in the program before it is printed or saved.

The pages are drawn by Qt PDF (PDFium inside Qt), so the preview is exactly the PDF that
is saved or printed; printing sends the pages as images at the printer's resolution.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.widgets import ErrorLabel
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.storage.files import write_atomically

PREVIEW_SCALE = 1.35  # 72 dpi times this: readable on a laptop screen


def page_images(pdf: bytes, scale: float) -> list[QImage]:
    """Every page of the PDF as an image on white paper; ``scale`` 1 is 72 dots per inch."""
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)
    source = QBuffer(data)
    source.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(source)
        if document.status() != QPdfDocument.Status.Ready:
            raise UserError(_("The document cannot be shown: it is not a readable PDF."))
        images = []
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            size = QSize(round(points.width() * scale), round(points.height() * scale))
            page = QImage(size, QImage.Format.Format_RGB32)
            page.fill(QColor("white"))  # Qt PDF draws on a transparent page
            painter = QPainter(page)
            painter.drawImage(0, 0, document.render(index, size))
            painter.end()
            images.append(page)
        return images
    finally:
        document.close()
        source.close()


class PdfPreviewDialog(QDialog):
    def __init__(
        self, title: str, pdf: bytes, suggested_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.saved_to: str | None = None
        self.setWindowTitle(title)
        self.pages = page_images(pdf, PREVIEW_SCALE)

        content = QWidget()
        content.setStyleSheet("background: palette(dark);")
        column = QVBoxLayout(content)
        column.setSpacing(14)
        column.setContentsMargins(20, 20, 20, 20)
        self.page_labels: list[QLabel] = []
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)

        self.count_label = QLabel(
            n_("{n} page", "{n} pages", len(self.pages)).format(n=len(self.pages))
        )
        self.error_label = ErrorLabel()
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(_("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(
            _("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        width = (self.pages[0].width() if self.pages else 800) + 80
        self.resize(width, 860)

    def save_document(self) -> None:
        path = prompts.choose_save_file(
            self, _("Save as PDF"), self.suggested_name, _("PDF documents (*.pdf)")
        )
        if path is None:
            return
        try:
            write_atomically(path, self.pdf)
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        self.saved_to = str(path)
        self.error_label.clear_message()
        self.count_label.setText(_("Saved as {path}.").format(path=path))

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if not prompts.ask_printer(self, printer):
            return
        print_pdf(self.pdf, printer)
        self.count_label.setText(_("Sent to the printer."))


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Each page drawn at the printer's resolution, fitted to the printable area."""
    dpi = min(printer.resolution(), 300)
    images = page_images(pdf, dpi / 72)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(_("The printer could not be started."))
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()

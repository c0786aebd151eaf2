"""Reading what the platform prints the way a phone or a reader would (docs/printing.md, "How it is tested").

PDF pages are rendered to images with PDFium (pypdfium2), QR codes are decoded from images with zxing-cpp,
the PDF's structure is read with pikepdf (qpdf). None of these is used by the platform itself: a code that
the platform draws wrong cannot pass by being compared with another drawing of the same code.
"""

import io
from dataclasses import dataclass

import pikepdf
import pypdfium2
import zxingcpp
from PIL import Image

RENDER_SCALE = 3  # 216 dpi: a QR module of 1 mm is about 8 pixels
MM = 72 / 25.4  # PDF points per millimetre


def decoded_qr_codes(image: Image.Image) -> list[str]:
    """The text of every QR code a reader finds in the image, top to bottom."""
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in sorted(found, key=lambda barcode: barcode.position.top_left.y)]


def pdf_page_images(pdf: bytes, *, scale: float = RENDER_SCALE) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=scale).to_pil() for page in document]
    finally:
        document.close()


def pdf_qr_codes(pdf: bytes) -> list[list[str]]:
    """Per page, the QR codes a reader decodes from the rendered page."""
    return [decoded_qr_codes(image) for image in pdf_page_images(pdf)]


@dataclass(frozen=True)
class PlacedText:
    """One character on a PDF page, in PDF points from the page's lower left corner."""

    page: int
    char: str
    left: float
    bottom: float
    right: float
    top: float


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.get_size() for page in document]
    finally:
        document.close()


def pdf_characters(pdf: bytes) -> list[PlacedText]:
    """Every visible character with its box, as PDFium lays the page out."""
    document = pypdfium2.PdfDocument(pdf)
    placed = []
    try:
        for number, page in enumerate(document):
            text_page = page.get_textpage()
            for index in range(text_page.count_chars()):
                char = text_page.get_text_range(index, 1)
                if char.strip():
                    placed.append(PlacedText(number, char, *text_page.get_charbox(index)))
    finally:
        document.close()
    return placed


def open_pdf(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf))

"""Kazakh and Russian for the upload checks of accounts/files.py (issue 11, part 1):
`python scripts/fill_translations.py scripts/translations/security_files.py`."""

T = {
    "This file type is not accepted here. Accepted: %(kinds)s.": (
        "Мұнда бұл файл түрі қабылданбайды. Қабылданатындар: %(kinds)s.",
        "Файл этого типа здесь не принимается. Принимаются: %(kinds)s.",
    ),
    "The image is too large: at most %(mp)s megapixels.": (
        "Сурет тым үлкен: ең көбі %(mp)s мегапиксель.",
        "Изображение слишком большое: не более %(mp)s мегапикселей.",
    ),
}

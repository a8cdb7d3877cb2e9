"""Kazakh and Russian for the approval page's previews (issue 13, point 3)."""

T = {
    "As it will look on each network": (
        "Әр желіде қалай көрінеді",
        "Как это будет выглядеть в каждой сети",
    ),
}

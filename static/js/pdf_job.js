// The PDF job page (templates/reports/pdf_job.html): while the PDF is queued or being built, ask
// its status every 2 seconds and move the progress bar; when it is ready (or failed), reload the
// page, which then shows the download link (or the error). Without JavaScript the page's
// <noscript> refresh reloads it instead.
(function () {
  "use strict";
  var box = document.getElementById("pdf-job");
  if (!box || !window.fetch) return;
  var url = box.dataset.statusUrl;
  var status = box.dataset.status;
  if (!url || (status !== "queued" && status !== "running")) return;
  var progress = box.querySelector("[data-role=progress]");
  var percent = box.querySelector("[data-role=percent]");
  var label = box.querySelector("[data-role=label]");

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) return setTimeout(poll, 2000);
        if (progress) progress.value = state.progress;
        if (percent) percent.textContent = state.progress + "%";
        if (label && state.label) label.textContent = state.label;
        if (state.status === "done" || state.status === "failed") {
          window.location.reload();
          return;
        }
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
})();

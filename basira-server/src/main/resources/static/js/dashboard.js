// Sends the CSRF token with every htmx request that changes something (the forms carry it as a field).
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token && event.detail.verb !== "get") {
    event.detail.headers[header.content] = token.content;
  }
});

// A page that is waiting for the server (the sign-in page while the demo store is prepared) reloads itself.
document.addEventListener("DOMContentLoaded", function () {
  var waiting = document.querySelector("[data-reload-after]");
  if (waiting) {
    setTimeout(function () { window.location.reload(); }, 1000 * Number(waiting.dataset.reloadAfter));
  }
});

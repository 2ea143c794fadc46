// Progressive enhancement only: every page works without this file.
// Two minutes before the session ends, the notice at the top of the page says so in a live
// region, so that screen reader users hear it too. Loading any page starts the time again.
(function () {
  var notice = document.getElementById("session-notice");
  if (!notice) { return; }
  var seconds = parseInt(notice.getAttribute("data-seconds"), 10);
  if (!(seconds > 180)) { return; }
  window.setTimeout(function () {
    notice.setAttribute("role", "alert");
    notice.textContent = "You will be signed out in 2 minutes because you have done nothing for a while. "
      + "Save your work or open another page to stay signed in.";
    notice.className += " session-warning";
  }, (seconds - 120) * 1000);
})();

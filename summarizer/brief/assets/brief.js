// Quotes open and close together; an actor in the side list shows that actor only; links open hidden quotes.
(function () {
  "use strict";
  var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
  var setQuotes = function (open) { all("details.quotes").forEach(function (d) { d.open = open; }); };
  document.getElementById("expand").addEventListener("click", function () { setQuotes(true); });
  document.getElementById("collapse").addEventListener("click", function () { setQuotes(false); });
  var showAll = document.getElementById("show-all");
  var focus = function (id) {
    all("section.actor").forEach(function (s) { s.classList.toggle("dim", id !== null && s.dataset.actor !== id); });
    all("ul.actors a").forEach(function (a) { a.classList.toggle("active", a.dataset.actor === id); });
    showAll.hidden = id === null;
  };
  all("ul.actors a").forEach(function (a) {
    a.addEventListener("click", function () { focus(a.dataset.actor); });
  });
  showAll.addEventListener("click", function () { focus(null); });
  var reveal = function () {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (!target) { return; }
    var actor = target.closest("section.actor");
    if (actor && actor.classList.contains("dim")) { focus(null); }
    var box = target.querySelector("details.quotes");
    if (box) { box.open = true; }
  };
  window.addEventListener("hashchange", reveal);
  reveal();
  all(".item").forEach(function (item) {
    var n = item.querySelectorAll("blockquote.quote").length;
    item.setAttribute("data-quotes", String(n));
  });
  document.body.setAttribute("data-ready", "1");
}());

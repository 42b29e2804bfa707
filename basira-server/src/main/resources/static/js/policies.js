// Policies pages: show only the fields of the chosen kind (or coupon benefit), and let the checkout
// simulator's cart grow by one line per click. Without this script every field is simply shown.
(function () {
  "use strict";
  var chooser = document.querySelector("select[data-switch]");
  if (chooser) {
    var sync = function () {
      Array.prototype.forEach.call(document.querySelectorAll("[data-for]"), function (part) {
        part.hidden = part.getAttribute("data-for").split(" ").indexOf(chooser.value) < 0;
      });
    };
    chooser.addEventListener("change", sync);
    sync();
  }
  var add = document.getElementById("add-line");
  var lines = document.getElementById("cart-lines");
  if (add && lines) {
    add.hidden = false;
    add.addEventListener("click", function () {
      var last = lines.lastElementChild;
      var copy = last.cloneNode(true);
      var n = lines.children.length;
      Array.prototype.forEach.call(copy.querySelectorAll("input"), function (input) {
        input.id = input.id.replace(/-\d+$/, "-" + n);
        input.value = "";
      });
      Array.prototype.forEach.call(copy.querySelectorAll("label"), function (label) {
        label.htmlFor = label.htmlFor.replace(/-\d+$/, "-" + n);
      });
      lines.appendChild(copy);
      copy.querySelector("input").focus();
    });
  }
  var anonymous = document.getElementById("anonymous");
  var customer = document.getElementById("customer_id");
  if (anonymous && customer) {
    var toggle = function () { customer.disabled = anonymous.checked; };
    anonymous.addEventListener("change", toggle);
    toggle();
  }
}());

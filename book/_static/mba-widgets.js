// Réglages du moteur des widgets embarqué (vendor/html-manager-1.0.15/embed-amd.js), chargé entre
// require.js et ce moteur sur les pages qui contiennent un widget (_config.yml, nb_ipywidgets_js).
(function () {
  "use strict";

  // 1. Chaque module du moteur (« @jupyter-widgets/controls », « @jupyter-widgets/html-manager/dist/
  // libembed-amd »...) calcule l'adresse des polices d'icônes à partir de son nom AMD, résolu par
  // require.js depuis la page : sans ces correspondances, il les demande à côté de la page (404),
  // puis en d'autres formats qui ne sont pas embarqués.
  var ici = document.currentScript.src;
  var dossier = new URL("vendor/html-manager-1.0.15", ici).href;
  window.require.config({
    paths: { "@jupyter-widgets/html-manager/dist": dossier, "@jupyter-widgets": dossier },
  });

  // 2. La poignée d'un curseur (role="slider") n'a pas de nom accessible : un lecteur d'écran
  // annonce « curseur » sans dire lequel (RGAA 11.1, WCAG 4.1.2). On la relie à l'étiquette
  // visible du widget (« Travaux HT ») dès que le moteur l'a dessinée.
  var compteur = 0;
  function nommerLesCurseurs() {
    var poignees = document.querySelectorAll('[role="slider"]:not([aria-label]):not([aria-labelledby])');
    poignees.forEach(function (poignee) {
      var widget = poignee.closest(".widget-inline-hbox, .jupyter-widgets");
      var etiquette = widget && widget.querySelector(".widget-label");
      if (etiquette && etiquette.textContent.trim()) {
        if (!etiquette.id) {
          compteur += 1;
          etiquette.id = "mba-etiquette-widget-" + compteur;
        }
        poignee.setAttribute("aria-labelledby", etiquette.id);
      }
    });
  }
  new MutationObserver(nommerLesCurseurs).observe(document.documentElement, { childList: true, subtree: true });
})();

"""Les schémas (pydantic v2) des sections d'un fichier ``cas.yaml``.

Un module par famille de sections, chacun tenu par le module métier qui les lit :

- :mod:`.base` : la classe commune et les types (montant positif, taux) ;
- :mod:`.projet` : ``projet``, ``planning``, ``risques``, ``indicateurs`` ;
- :mod:`.financement` : ``financement`` ;
- :mod:`.concertation` : ``acteurs``, ``concertation``, ``budget_participatif``.
"""

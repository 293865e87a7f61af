"""Les vérifications des exercices, un module par carnet (cNN_nom_du_carnet.py)."""

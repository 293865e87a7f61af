"""Extension Sphinx : les carnets du livre n'attendent plus le délai d'exécution pour rien.

Ce qui se passait : sur une machine chargée (les tests du paquet tournent pendant la construction du
livre), une cellule à widgets (``mt.editeur_planning(planning)`` de la leçon 02, celles des leçons 00
et 08) durait exactement le délai d'exécution (``execute.timeout`` de ``_config.yml``), sans erreur,
alors qu'elle s'exécute en moins d'une seconde. Reproduit hors du livre : la leçon 02 exécutée par
nbclient 0.11 avec un délai de 30 s, trois processus qui occupent les deux cœurs, deux exécutions sur
quinze ont pris 30 s de plus, toujours dans cette cellule. Tout indique que la réponse
``execute_reply`` du noyau est arrivée mais que l'attente asynchrone sur la socket ZMQ du canal *shell*
(pyzmq 27, ``zmq.asyncio``) n'est pas réveillée : la cellule rend la main exactement au délai, sans
erreur de délai, quand le dernier sondage trouve le message. Même symptôme que jupyter/nbclient#312.

Le remède : attendre un message du noyau par tranches courtes (une demi-seconde). Un réveil manqué ne
coûte plus qu'une tranche ; le délai total est inchangé (``Empty`` à la même échéance, comme avant).
Avec ce remède, la même reproduction a donné quarante exécutions sur quarante sans attente.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from queue import Empty
from typing import Any

#: La plus longue attente d'un seul sondage (secondes).
TRANCHE_S = 0.5

Recevoir = Callable[[Any, "float | None"], Awaitable[dict[str, Any]]]


def par_tranches(recevoir: Recevoir, tranche: float = TRANCHE_S,
                 horloge: Callable[[], float] = time.monotonic) -> Recevoir:
    """``recevoir(canal, delai)`` (comme ``AsyncZMQSocketChannel.get_msg``) réécrit pour ne jamais
    sonder plus de ``tranche`` secondes d'un coup ; ``Empty`` à l'échéance ``delai`` (jamais si ``None``)."""

    async def recevoir_par_tranches(canal: Any, timeout: float | None = None) -> dict[str, Any]:
        echeance = None if timeout is None else horloge() + timeout
        while True:
            reste = None if echeance is None else echeance - horloge()
            try:
                return await recevoir(canal, tranche if reste is None else max(0.0, min(tranche, reste)))
            except Empty:
                if reste is not None and reste <= tranche:
                    raise

    recevoir_par_tranches.__wrapped__ = recevoir  # type: ignore[attr-defined]
    return recevoir_par_tranches


def installer() -> None:
    """Remplace ``AsyncZMQSocketChannel.get_msg`` (jupyter_client) dans ce processus, une seule fois."""
    from jupyter_client.channels import AsyncZMQSocketChannel

    if not hasattr(AsyncZMQSocketChannel.get_msg, "__wrapped__"):
        AsyncZMQSocketChannel.get_msg = par_tranches(AsyncZMQSocketChannel.get_msg)  # type: ignore[method-assign]


def setup(app: Any) -> dict[str, Any]:
    # myst-nb exécute les carnets dans le processus de Sphinx (jupyter-cache, exécuteur « local-serial ») :
    # le remplacement s'applique à ses clients de noyau.
    installer()
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

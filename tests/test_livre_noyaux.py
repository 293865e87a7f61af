"""book/_ext/mba_noyaux.py : l'attente d'un message du noyau par tranches, sur une horloge simulée."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from queue import Empty

import pytest

RACINE = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("mba_noyaux", RACINE / "book" / "_ext" / "mba_noyaux.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mba_noyaux", module)
    spec.loader.exec_module(module)
    return module


class Horloge:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


class CanalSimule:
    """Un canal dont la réponse arrive à ``arrivee`` ; chaque sondage avance l'horloge de son délai
    (réveil manqué : le message n'est vu qu'à la fin d'un sondage). Note les délais demandés."""

    def __init__(self, horloge: Horloge, arrivee: float | None) -> None:
        self.horloge, self.arrivee, self.delais = horloge, arrivee, []

    async def recevoir(self, _canal: object, timeout: float | None) -> dict:
        self.delais.append(timeout)
        assert timeout is not None, "un sondage sans limite ne doit plus arriver au canal"
        self.horloge.t += timeout
        if self.arrivee is not None and self.horloge.t >= self.arrivee:
            return {"msg_type": "execute_reply"}
        raise Empty


def test_un_reveil_manque_ne_coute_qu_une_tranche() -> None:
    m = _module()
    horloge = Horloge()
    canal = CanalSimule(horloge, arrivee=100.2)  # la réponse arrive 0,2 s après le début de l'attente
    recevoir = m.par_tranches(canal.recevoir, tranche=0.5, horloge=horloge)
    assert asyncio.run(recevoir(None, 60.0)) == {"msg_type": "execute_reply"}
    # Sans le remède, le sondage aurait duré 60 s ; ici une seule tranche de 0,5 s.
    assert canal.delais == [0.5]
    assert horloge.t == pytest.approx(100.5)


def test_le_delai_total_est_inchange() -> None:
    m = _module()
    horloge = Horloge()
    canal = CanalSimule(horloge, arrivee=None)  # aucune réponse
    recevoir = m.par_tranches(canal.recevoir, tranche=0.5, horloge=horloge)
    with pytest.raises(Empty):
        asyncio.run(recevoir(None, 2.2))
    assert canal.delais == pytest.approx([0.5, 0.5, 0.5, 0.5, 0.2])
    assert horloge.t == pytest.approx(102.2)
    assert all(d <= 0.5 for d in canal.delais)


def test_sans_delai_on_attend_par_tranches_jusqu_au_message() -> None:
    m = _module()
    horloge = Horloge()
    canal = CanalSimule(horloge, arrivee=101.9)
    recevoir = m.par_tranches(canal.recevoir, tranche=0.5, horloge=horloge)
    assert asyncio.run(recevoir(None, None))["msg_type"] == "execute_reply"
    assert canal.delais == [0.5, 0.5, 0.5, 0.5]


def test_installe_une_seule_fois_sur_jupyter_client() -> None:
    m = _module()
    from jupyter_client.channels import AsyncZMQSocketChannel

    avant = AsyncZMQSocketChannel.get_msg
    try:
        m.installer()
        m.installer()
        apres = AsyncZMQSocketChannel.get_msg
        assert apres is not avant or hasattr(avant, "__wrapped__")
        assert not hasattr(apres.__wrapped__, "__wrapped__"), "remplacé deux fois"
    finally:
        AsyncZMQSocketChannel.get_msg = avant

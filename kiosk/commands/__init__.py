"""The ``kiosk`` commands, one module each, above every other layer.

Each module has ``add_arguments(parser)`` and ``run(args) -> int`` and is imported
only when its command runs (``kiosk.cli`` picks it), so ``kiosk validate`` never
loads Qt. The shared argument types live in ``kiosk.commands.args``; no command
imports ``kiosk.cli``.
"""

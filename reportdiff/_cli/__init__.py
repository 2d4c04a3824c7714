"""Subcommands of the ``reportdiff`` command, one module each.

Each module defines ``register(subparsers)``, which adds its subparser and sets
``func`` to a callable taking the parsed arguments and returning the exit code.
"""

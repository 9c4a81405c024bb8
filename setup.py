"""Builds the optional C loops of the Arabic layer; everything else is in pyproject.toml.

rasad.arabic._speedups (src/rasad/arabic/_speedups.pyx) is compiled by
Cython (a build requirement) when rasad is installed. It is optional: with
no C compiler the build goes on without it and rasad.arabic runs the same
loops in Python (rasad.arabic.SPEEDUPS says which).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("rasad.arabic._speedups", ["src/rasad/arabic/_speedups.pyx"], optional=True)])

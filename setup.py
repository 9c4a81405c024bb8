"""Builds the optional C loops of the Arabic layer, the knowledge scanners and extraction's analysis;
everything else is in pyproject.toml.

rasad.arabic._speedups (src/rasad/arabic/_speedups.pyx),
rasad.knowledge._speedups (src/rasad/knowledge/_speedups.pyx) and
rasad.extract._speedups (src/rasad/extract/_speedups.pyx) are compiled by
Cython (a build requirement) when rasad is installed. They are optional: with
no C compiler the build goes on without them and each package runs the same
loops in Python (rasad.arabic.SPEEDUPS says which for the Arabic layer).
"""
from setuptools import Extension, setup

setup(ext_modules=[
    Extension("rasad.arabic._speedups", ["src/rasad/arabic/_speedups.pyx"], optional=True),
    Extension("rasad.knowledge._speedups", ["src/rasad/knowledge/_speedups.pyx"], optional=True),
    Extension("rasad.extract._speedups", ["src/rasad/extract/_speedups.pyx"], optional=True),
])

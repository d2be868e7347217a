"""Writers of files for people: the official Word document and the framework chart (架構圖).

Never imports editor.ui: the command line and the editor share these writers.
"""

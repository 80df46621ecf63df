"""kinerja: Perjanjian Kinerja, realisasi, SKM/IKM and SAKIP evaluation for Indonesian local government."""

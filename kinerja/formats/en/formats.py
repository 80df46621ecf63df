"""Number formats of the English interface: the Indonesian ones (docs/adr/0004-cascading.md, "Numbers").

kinerja's figures are those of Indonesian public records (a PK, an IKM, a Rupiah budget): the English
interface translates the words, not the numbers, so "79,77" and "Rp1.521.097.505,00" read the same in
both languages and as on the signed paper. Django's own localisation of a number (a value printed in a
template, a form's initial value) follows these separators; kinerja's filters always did.
"""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

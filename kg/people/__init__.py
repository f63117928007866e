"""Who is who: speaker casts, person names, the leaders list, the gazetteer and identity across spellings."""

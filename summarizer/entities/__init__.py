"""Who is who: the gazetteer, names and titles, and resolution of actors across articles."""

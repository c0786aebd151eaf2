"""The challenge's pages, one module per audience: public.py (the calls anyone can read), manage.py (the
coördinator's management) and one module per role's journey. urls.py imports the modules, not their names."""

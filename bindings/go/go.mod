module payseal.dev/payseal

go 1.19

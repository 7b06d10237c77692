module github.com/aigotowork/stow

go 1.24.0

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"iduit/models"
)

// backup copies the live SQLite database to the file named by its first argument.
func backup(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: iduit backup FILE")
	}
	store, err := models.Open(ctx, cfg.DatabaseURL, models.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Backup(ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up to %s\n", args[0])
	return nil
}

// restore puts a backup in place of the SQLite database, with the server stopped. The backup is checked
// (integrity and schema) before anything is replaced, and the database it replaces is kept beside it.
func restore(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: iduit restore FILE (with the server stopped)")
	}
	target, ok := strings.CutPrefix(cfg.DatabaseURL, "sqlite:")
	if !ok {
		return errors.New("restore is for SQLite; on PostgreSQL use pg_restore (see docs/reliability.md)")
	}
	if err := checkBackup(ctx, args[0]); err != nil {
		return fmt.Errorf("%s is not a usable backup: %w", args[0], err)
	}
	if _, err := os.Stat(target); err == nil {
		kept := target + ".before-restore"
		if err := os.Rename(target, kept); err != nil {
			return err
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			_ = os.Rename(target+suffix, kept+suffix)
		}
		fmt.Fprintf(stdout, "kept the previous database as %s\n", kept)
	}
	if err := copyFile(args[0], target); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", target, args[0])
	return nil
}

func checkBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	store, err := models.Open(ctx, "sqlite:"+path, models.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.IntegrityCheck(ctx); err != nil {
		return err
	}
	return store.CheckSchema(ctx)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

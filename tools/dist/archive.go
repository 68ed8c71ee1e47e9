package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// File is one file of an archive: its name inside the archive's folder, its
// mode (0755 for the binary, 0644 for the documents) and its bytes.
type File struct {
	Name string
	Mode fs.FileMode
	Data []byte
}

// zipEpoch is the earliest time a zip file can hold (MS-DOS time).
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// TarGz writes a gzip-compressed tar of one folder, dir, holding files, each
// (and the folder) with the time mtime, owner root and no user or group
// names: the same files and time give the same bytes.
func TarGz(w io.Writer, dir string, files []File, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	// The gzip header names no file and has no time (gzip.Header's zero
	// ModTime is written as 0).
	tw := tar.NewWriter(gz)
	mtime = mtime.UTC().Truncate(time.Second)
	if err := tw.WriteHeader(&tar.Header{
		Typeflag: tar.TypeDir, Name: dir + "/", Mode: 0o755, ModTime: mtime, Format: tar.FormatUSTAR,
	}); err != nil {
		return err
	}
	for _, f := range files {
		if err := tw.WriteHeader(&tar.Header{
			Typeflag: tar.TypeReg, Name: dir + "/" + f.Name, Mode: int64(f.Mode.Perm()),
			Size: int64(len(f.Data)), ModTime: mtime, Format: tar.FormatUSTAR,
		}); err != nil {
			return fmt.Errorf("%s/%s: %w", dir, f.Name, err)
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// Zip writes a zip of one folder, dir, holding files, each (and the folder)
// with the time mtime (not before 1980, the earliest a zip holds) and its
// Unix mode: the same files and time give the same bytes.
func Zip(w io.Writer, dir string, files []File, mtime time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	mtime = mtime.UTC().Truncate(2 * time.Second) // MS-DOS time counts in 2 seconds
	if mtime.Before(zipEpoch) {
		mtime = zipEpoch
	}
	folder := &zip.FileHeader{Name: dir + "/", Method: zip.Store, Modified: mtime}
	folder.SetMode(fs.ModeDir | 0o755)
	if _, err := zw.CreateHeader(folder); err != nil {
		return err
	}
	for _, f := range files {
		h := &zip.FileHeader{Name: dir + "/" + f.Name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(f.Mode.Perm())
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeArchive writes the archive of dir's files to path (a zip when path
// ends .zip, else a tar.gz), atomically, and returns its SHA-256.
func writeArchive(path, dir string, files []File, mtime time.Time) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if strings.HasSuffix(path, ".zip") {
		err = Zip(&buf, dir, files, mtime)
	} else {
		err = TarGz(&buf, dir, files, mtime)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return sum[:], writeAtomic(path, buf.Bytes())
}

// Checksums is the checksums file of the archives (name to SHA-256), in the
// format sha256sum writes and checks with -c: "HEX  NAME", one a line, in
// the order of the names.
func Checksums(sums map[string][]byte) []byte {
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	slices.Sort(names)
	var b bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sums[n]), n)
	}
	return b.Bytes()
}

// writeAtomic writes data to path through a temporary file beside it, so
// that an archive is either whole or not there.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

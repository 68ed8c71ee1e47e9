package private

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/gitx"
	"github.com/govctl/govctl/pkg/model"
	priv "github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// notePrefix begins the lines govctl puts at the top of a text it offers
// back with problems; they are taken off when the text is read back.
const notePrefix = "# govctl:"

func editRun(opts *Options) error {
	// Interrupted, govctl stops the editor and removes the clear copy
	// before it exits; until then a second signal does not end it.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	sweep(opts)

	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	m, err := ws.Find(opts.Date)
	if err != nil {
		return err
	}
	rs, err := recipients(ws)
	if err != nil {
		return err
	}
	if err := outsideRepository(ws, opts.TempDir); err != nil {
		return err
	}
	path := companion(ws, m)
	shown := filepath.ToSlash(path)
	was, err := safefile.Read(path, priv.MaxSize)
	var start []byte
	switch {
	case errors.Is(err, fs.ErrNotExist):
		was = nil
		if !priv.HasPrivate(m) {
			return refuse(fmt.Sprintf("mark the items, decisions or actions taken in private as private: REASON in %s first", filepath.ToSlash(ws.PathOf(m, ".yaml"))),
				"the meeting of %s has no private business in its record", m.File)
		}
		if start, err = priv.TemplateText(m); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		if opts.Identity == "" {
			return cmdutil.FlagErrorf("%s exists: give --identity FILE, your key, to open it", shown)
		}
		ids, err := identities(ws, opts.Identity)
		if err != nil {
			return err
		}
		if start, err = priv.Decrypt(was, ids); err != nil {
			return refuse("open it with a key it was encrypted to; a newer member's key opens it once a key holder runs govctl private rekey", "%s: %v", shown, err)
		}
	}

	var body []byte
	name := fmt.Sprintf("%s-%s%s", ws.Net.N.ID, m.File, priv.ClearSuffix)
	err = withClearCopy(opts.TempDir, name, start, func(clear string) error {
		var err error
		body, err = editLoop(ctx, opts, m, clear, start)
		return err
	})
	switch {
	case errors.Is(err, errUnchanged):
		fmt.Fprintf(opts.IO.ErrOut, "the private business of the meeting of %s is unchanged: nothing was written\n", m.File)
		if opts.IO.InTTY {
			fmt.Fprintln(opts.IO.ErrOut, "(if your editor returned at once, make it wait: EDITOR='code --wait', 'subl -w', 'gedit -s')")
		}
		return nil
	case err != nil:
		return err
	}
	if ctx.Err() != nil {
		return interrupted()
	}

	enc, err := priv.Encrypt(body, rs)
	if err != nil {
		return err
	}
	if err := safefile.Inside(ws.Dir, path); err != nil {
		return err
	}
	if was == nil {
		err = safefile.Create(path, enc)
		if errors.Is(err, safefile.ErrExists) {
			return refuse("run govctl private edit again: it opens the file now there, to which add your text again",
				"%s appeared while you were editing (written by someone else?): nothing was written, and your text, never left in clear, is lost", shown)
		}
	} else {
		err = ws.Replace(path, was, enc)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, shown)
	fmt.Fprintf(opts.IO.ErrOut, "encrypted the private business of the meeting of %s to %s; commit %s (the clear copy is removed)\n",
		m.File, words.Plural(len(rs), "recipient"), shown)
	return nil
}

// outsideRepository refuses a temporary folder in the repository's work
// tree (TMPDIR set there), ignored by git or not: private text is never
// written in the repository.
func outsideRepository(ws *workspace.Workspace, tempDir string) error {
	probe := filepath.Join(tempDir, clearPrefix+"probe")
	if safefile.Inside(ws.Dir, probe) == nil || gitx.Exposed(ws.Dir, probe) != gitx.Outside {
		return cmdutil.Errorf("set TMPDIR to a folder outside the repository, or unset it",
			"the temporary folder %s is inside the repository: govctl writes no private text there", words.Quote(tempDir))
	}
	return nil
}

// editLoop runs the editor on the clear copy at path until what it holds
// is a companion document that matches m's public record (returned), the
// person gives up, or it is unchanged from start (errUnchanged).
func editLoop(ctx context.Context, opts *Options, m *model.Meeting, path string, start []byte) ([]byte, error) {
	for {
		if err := runEditor(ctx, opts, path); err != nil {
			return nil, err
		}
		got, err := safefile.Read(path, priv.MaxSize)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, refuse("run govctl private edit again, and save the file under the name it has", "the editor removed the file it was given: nothing was written")
		} else if err != nil {
			return nil, err
		}
		body := stripNotes(got)
		switch {
		case bytes.Equal(body, start):
			return nil, errUnchanged
		case len(bytes.TrimSpace(body)) == 0:
			return nil, refuse("to remove a meeting's private business, git rm its .private.yaml.age file", "the text was emptied: nothing was written")
		}
		problems := check(body, m)
		if len(problems) == 0 {
			return body, nil
		}
		if !opts.IO.InTTY {
			return nil, problemsError(m, problems)
		}
		fmt.Fprintf(opts.IO.ErrOut, "the private business of the meeting of %s is not saved: %s\n", m.File, words.Plural(len(problems), "problem"))
		for _, p := range problems {
			fmt.Fprintf(opts.IO.ErrOut, "  %s\n", words.Printable(p.Error()))
		}
		again, err := ask(ctx, opts, "edit again? [Y/n] ")
		if err != nil {
			return nil, err
		}
		if !again {
			return nil, refuse("run govctl private edit again", "nothing was written")
		}
		if err := writeClear(path, withNotes(body, problems)); err != nil {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, interrupted()
		}
	}
}

// check reads body as a companion document and checks it against m.
func check(body []byte, m *model.Meeting) []*priv.Problem {
	d, err := priv.Parse(body)
	if err != nil {
		return []*priv.Problem{asProblem(err)}
	}
	var out []*priv.Problem
	for _, e := range priv.Check(d, m) {
		out = append(out, asProblem(e))
	}
	return out
}

func asProblem(err error) *priv.Problem {
	var p *priv.Problem
	if errors.As(err, &p) {
		return p
	}
	return &priv.Problem{Msg: err.Error()}
}

// withNotes is body with the problems noted at its top, their lines
// counted in the text as the person will see it.
func withNotes(body []byte, problems []*priv.Problem) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s not saved: correct what is below, then save and quit (empty the file to give up); these lines go\n", notePrefix)
	shift := 1 + len(problems)
	for _, p := range problems {
		q := *p
		if q.Line > 0 {
			q.Line += shift
		}
		fmt.Fprintf(&b, "%s %s\n", notePrefix, strings.ReplaceAll(q.Error(), "\n", " "))
	}
	b.Write(body)
	return b.Bytes()
}

// stripNotes takes govctl's notes off the top of text.
func stripNotes(text []byte) []byte {
	for bytes.HasPrefix(text, []byte(notePrefix)) {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			return nil
		}
		text = text[i+1:]
	}
	return text
}

// problemsError is a text refused for its problems, each named with its
// line: exit 1.
func problemsError(m *model.Meeting, problems []*priv.Problem) error {
	e := &refused{msg: fmt.Sprintf("the private business of the meeting of %s was not saved: %s in the text", m.File, words.Plural(len(problems), "problem"))}
	for _, p := range problems {
		e.details = append(e.details, words.Printable(p.Error()))
	}
	return e
}

type refused struct {
	msg     string
	details []string
}

func (e *refused) Error() string     { return e.msg }
func (e *refused) Details() []string { return e.details }
func (e *refused) ExitCode() int     { return exit.Findings }
func (e *refused) ExitHint() string {
	return "correct the text and run govctl private edit again (on a terminal the text is offered back to you)"
}

// runEditor runs the editor on path, as git does: by sh, so that the
// editor command may have arguments ("code --wait").
func runEditor(ctx context.Context, opts *Options, path string) error {
	editor := opts.Editor
	if strings.TrimSpace(editor) == "" {
		editor = "vi"
	}
	var cmd *exec.Cmd
	if sh, err := exec.LookPath("sh"); err == nil {
		cmd = exec.CommandContext(ctx, sh, "-c", editor+` "$@"`, editor, path)
	} else {
		f := strings.Fields(editor)
		cmd = exec.CommandContext(ctx, f[0], append(f[1:], path)...)
	}
	// Interrupted: asked to stop, then killed if it has not within the delay.
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 2 * time.Second
	if in, ok := opts.IO.In.(*os.File); ok {
		cmd.Stdin = in // a terminal; a buffer is govctl's own answers
	}
	cmd.Stdout, cmd.Stderr = opts.IO.Out, opts.IO.ErrOut
	err := cmd.Run()
	if ctx.Err() != nil {
		return interrupted()
	}
	var ee *exec.ExitError
	switch {
	case err == nil, errors.Is(err, exec.ErrWaitDelay) && cmd.ProcessState != nil && cmd.ProcessState.Success():
		return nil
	case errors.As(err, &ee):
		hint := "nothing was written; correct what stopped the editor, then run govctl private edit again"
		if ee.ExitCode() == 127 {
			hint = "sh did not find the editor: set VISUAL or EDITOR to your editor's command (nano, vim, 'code --wait')"
		}
		return &cmdutil.UserError{
			Err:  fmt.Errorf("the editor (%s) failed (%s): nothing was written, and the clear copy was removed", editor, ee.ProcessState),
			Hint: hint,
			Code: exit.Findings,
		}
	}
	return &cmdutil.UserError{
		Err:  fmt.Errorf("the editor (%s) could not be run: %v", editor, err),
		Hint: "set VISUAL or EDITOR to your editor's command (nano, vim, 'code --wait')",
		Code: exit.Usage,
	}
}

// interrupted is the error of a run stopped by a signal.
func interrupted() error {
	return &cmdutil.UserError{
		Err:  errors.New("interrupted: nothing was written, and the clear copy was removed"),
		Code: exit.Findings,
	}
}

// ask asks a yes-or-no question on the terminal (yes unless answered no);
// the end of the input is no. Interrupted while it waits, it returns the
// interruption at once.
func ask(ctx context.Context, opts *Options, question string) (bool, error) {
	fmt.Fprint(opts.IO.ErrOut, question)
	type answer struct {
		line string
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		line, err := readLine(opts.IO.In)
		got <- answer{line, err}
	}()
	var a answer
	select {
	case <-ctx.Done():
		fmt.Fprintln(opts.IO.ErrOut)
		return false, interrupted()
	case a = <-got:
	}
	if a.err != nil && a.line == "" {
		fmt.Fprintln(opts.IO.ErrOut)
		return false, nil
	}
	switch strings.ToLower(strings.TrimSpace(a.line)) {
	case "", "y", "yes":
		return true, nil
	}
	return false, nil
}

// readLine reads one line a byte at a time, so that nothing after it is
// taken from the editor's input.
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	var c [1]byte
	for {
		n, err := r.Read(c[:])
		if n == 1 {
			if c[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(c[0])
		}
		if err != nil {
			return b.String(), err
		}
	}
}

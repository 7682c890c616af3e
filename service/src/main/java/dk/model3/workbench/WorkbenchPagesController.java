package dk.model3.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.decisions.ReviewSummary;
import dk.model3.decisions.Reviews;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.VersionStore;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench pages for policy staff (role POLICY), on the same layout as the
 * caseworker's pages: the versions and drafts, a draft's editor with its problems at
 * their lines, its checks and impact preview, the four-eyes buttons, and a version's
 * audit trail. Every action is the JSON API's ({@link Drafts}); a refusal is shown in the
 * error summary.
 */
@Controller
@ConditionalOnVersionStore
class WorkbenchPagesController {

	private final Drafts drafts;

	private final VersionStore store;

	private final RuleVersions versions;

	private final Reviews reviews;

	private final MessageSource messages;

	private final DraftChanges changes;

	WorkbenchPagesController(Drafts drafts, VersionStore store, RuleVersions versions, Reviews reviews,
			MessageSource messages, DraftChanges changes) {
		this.drafts = drafts;
		this.changes = changes;
		this.store = store;
		this.versions = versions;
		this.reviews = reviews;
		this.messages = messages;
	}

	/** A line of the error summary: its anchor on the page, the field and the message. */
	record PageProblem(String anchor, String field, String message) {
	}

	@GetMapping("/workbench")
	String index(Model model) {
		model.addAttribute("versions",
				this.versions.entries()
					.stream()
					.filter((entry) -> this.store.publishedVersions().contains(entry.version()))
					.sorted(Comparator.comparing(RuleVersions.Entry::version))
					.toList());
		model.addAttribute("drafts", this.drafts.all());
		model.addAttribute("published", this.store.publishedVersions());
		return "workbench/index";
	}

	@PostMapping("/workbench/drafts")
	String create(@RequestParam(required = false) String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String inForceFrom, @RequestParam(required = false) String title,
			@RequestParam(required = false) String titleDa, Principal user, Model model, RedirectAttributes redirect) {
		try {
			this.drafts.create(id, from, inForceFrom, title, titleDa, user.getName());
			return "redirect:/workbench/drafts/" + id;
		}
		catch (InvalidDraftRequest ex) {
			model.addAttribute("errors",
					List.of(new PageProblem(ex.field().replace("/", ""), ex.field(), ex.getMessage())));
		}
		catch (DraftRefused ex) {
			model.addAttribute("errors", List.of(new PageProblem("id", "id", ex.getMessage())));
		}
		model.addAttribute("form", Map.of("id", nullToEmpty(id), "inForceFrom", nullToEmpty(inForceFrom), "title",
				nullToEmpty(title), "titleDa", nullToEmpty(titleDa), "from", nullToEmpty(from)));
		return index(model);
	}

	@GetMapping("/workbench/drafts/{id}")
	String draft(@PathVariable String id, @RequestParam(required = false) String file, Model model,
			HttpServletResponse response) {
		Drafts.DraftView draft;
		try {
			draft = this.drafts.view(known(id));
		}
		catch (DraftNotFound ex) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("id", id);
			return "workbench/unknown";
		}
		String shown = (file != null && draft.files().contains(file)) ? file
				: draft.files().stream().filter((name) -> name.endsWith(".drl")).findFirst().orElse("version.yaml");
		String text = this.drafts.file(id, shown);
		model.addAttribute("draft", draft);
		model.addAttribute("file", shown);
		model.addAttribute("text", text);
		model.addAttribute("lines", Math.max(1, text.split("\n", -1).length));
		ChecksJson checks = ChecksJson.of(draft.checks());
		model.addAttribute("checks", checks);
		model.addAttribute("matrix", (checks.preview() != null) ? Matrix.of(checks.preview().transitions()) : null);
		model.addAttribute("overrides", overrides(draft));
		// what the approver reads before deciding
		model.addAttribute("changes", draft.state().equals("REQUESTED") ? this.changes.of(id) : null);
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", List.of());
		}
		model.addAttribute("problemLines", problemLines(model.getAttribute("problems"), shown));
		return "workbench/draft";
	}

	@PostMapping("/workbench/drafts/{id}/files/{name:.+}")
	String save(@PathVariable String id, @PathVariable String name, @RequestParam(defaultValue = "") String text,
			Principal user, RedirectAttributes redirect) {
		known(id);
		if (!VersionZip.allowedName(name)) {
			throw new DraftNotFound(id, "no file " + name);
		}
		try {
			// a browser's textarea sends CRLF line ends; the files keep LF
			List<CheckResults.Problem> problems = this.drafts.save(id, name, text.replace("\r\n", "\n"),
					user.getName());
			redirect.addFlashAttribute("problems", problems);
			redirect.addFlashAttribute("saved", true);
			if (!problems.isEmpty()) {
				redirect.addFlashAttribute("errors", problems.stream().map(this::pageProblem).toList());
			}
		}
		catch (DraftRefused | InvalidDraftRequest ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("editor", "text", ex.getMessage())));
		}
		redirect.addAttribute("file", name);
		return "redirect:/workbench/drafts/" + id;
	}

	@PostMapping("/workbench/drafts/{id}/zip")
	String upload(@PathVariable String id, @RequestParam(required = false) MultipartFile zip, Principal user,
			RedirectAttributes redirect) {
		known(id);
		try {
			if (zip == null || zip.isEmpty()) {
				throw new InvalidDraftRequest("zip",
						this.messages.getMessage("workbench.zip.missing", null, LocaleContextHolder.getLocale()));
			}
			List<CheckResults.Problem> problems = this.drafts.upload(id, VersionZip.read(zip.getBytes()),
					user.getName());
			redirect.addFlashAttribute("problems", problems);
			redirect.addFlashAttribute("uploaded", true);
			if (!problems.isEmpty()) {
				redirect.addFlashAttribute("errors", problems.stream().map(this::pageProblem).toList());
			}
		}
		catch (DraftRefused | InvalidDraftRequest ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("zip", "zip", ex.getMessage())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/workbench/drafts/" + id;
	}

	@PostMapping("/workbench/drafts/{id}/checks")
	String runChecks(@PathVariable String id, @RequestParam(required = false) MultipartFile population, Principal user,
			RedirectAttributes redirect) {
		known(id);
		try {
			ReferencePopulation uploaded = (population != null && !population.isEmpty()) ? ReferencePopulation.uploaded(
					population.getOriginalFilename(), new String(population.getBytes(), StandardCharsets.UTF_8)) : null;
			this.drafts.startChecks(id, user.getName(), uploaded);
		}
		catch (DraftRefused ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("checks", "checks", ex.getMessage())));
		}
		catch (InvalidDraftRequest ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("population", "population", ex.getMessage())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/workbench/drafts/" + id + "#checks";
	}

	/** The checks' state for the page's progress indicator (the page's session). */
	@GetMapping(path = "/workbench/drafts/{id}/checks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ChecksJson checks(@PathVariable String id) {
		return ChecksJson.of(this.drafts.checksView(known(id)));
	}

	/**
	 * Whether an approved version is still being published: what the draft page polls.
	 */
	@GetMapping(path = "/workbench/drafts/{id}/publication.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> publication(@PathVariable String id) {
		Drafts.DraftView draft = this.drafts.view(known(id));
		return Map.of("state", draft.state(), "publishing",
				draft.publication() != null && draft.publication().running());
	}

	/** The change note, in Danish and English: written into the draft's version.yaml. */
	@PostMapping("/workbench/drafts/{id}/note")
	String note(@PathVariable String id, @RequestParam(required = false) String noteDa,
			@RequestParam(required = false) String noteEn, Principal user, RedirectAttributes redirect) {
		known(id);
		try {
			// a browser's textarea sends CRLF line ends
			ChangeNote note = ChangeNote.sent(lf(noteDa), lf(noteEn));
			List<CheckResults.Problem> problems = this.drafts.note(id, note, user.getName());
			redirect.addFlashAttribute("noteSaved", true);
			if (!problems.isEmpty()) {
				redirect.addFlashAttribute("errors", problems.stream().map(this::pageProblem).toList());
			}
		}
		catch (InvalidDraftRequest ex) {
			String field = ex.field().equals("/en") ? "note-en" : "note-da";
			redirect.addFlashAttribute("errors", List.of(new PageProblem(field, field,
					message(field.equals("note-en") ? "workbench.note.missingEn" : "workbench.note.missingDa"))));
			redirect.addFlashAttribute("noteForm", Map.of("da", nullToEmpty(noteDa), "en", nullToEmpty(noteEn)));
		}
		catch (DraftRefused ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("note-da", "note", ex.getMessage())));
		}
		return "redirect:/workbench/drafts/" + id + "#note";
	}

	private static String lf(String text) {
		return (text != null) ? text.replace("\r\n", "\n") : null;
	}

	@PostMapping("/workbench/drafts/{id}/publication-request")
	String request(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		known(id);
		try {
			this.drafts.request(id, user.getName());
		}
		catch (NoteMissing ex) {
			redirect.addFlashAttribute("errors",
					List.of(new PageProblem("note-da", "note", message("workbench.note.required"))));
		}
		catch (DraftRefused ex) {
			redirect.addFlashAttribute("errors",
					List.of(new PageProblem("publication", "publication", ex.getMessage())));
		}
		catch (InForceDatePassed ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("publication", "inForceFrom", backwards(ex))));
		}
		return "redirect:/workbench/drafts/" + id;
	}

	/**
	 * The decision, with what the page showed the approver (hidden fields): the files'
	 * checksum and the in-force date, which the approval names.
	 */
	@PostMapping("/workbench/drafts/{id}/approval")
	String approval(@PathVariable String id, @RequestParam(required = false) String approve,
			@RequestParam(defaultValue = "") String comment, @RequestParam(required = false) String checksum,
			@RequestParam(required = false) String inForceFrom, @RequestParam(required = false) String changesSeen,
			Principal user, RedirectAttributes redirect) {
		known(id);
		// nothing is chosen for the approver, and an approval needs the changes read
		if (!"true".equals(approve) && !"false".equals(approve)) {
			redirect.addFlashAttribute("errors",
					List.of(new PageProblem("approve-yes", "approve", message("workbench.approval.choose"))));
			return "redirect:/workbench/drafts/" + id + "#approval";
		}
		try {
			if (approve.equals("true")) {
				if (changesSeen == null || changesSeen.isBlank()) {
					redirect.addFlashAttribute("errors", List
						.of(new PageProblem("changes-seen", "changes", message("workbench.approval.readChanges"))));
					return "redirect:/workbench/drafts/" + id + "#approval";
				}
				this.changes.requireSeen(id, changesSeen);
			}
			this.drafts.decide(id, approve.equals("true"), comment, new Drafts.Seen(checksum, inForceFrom),
					user.getName());
		}
		catch (ApproverTookPart ex) {
			redirect.addFlashAttribute("errors",
					List.of(new PageProblem("approval", "approval", message("workbench.fourEyes"))));
		}
		catch (ChangedSinceSeen ex) {
			redirect.addFlashAttribute("errors",
					List.of(new PageProblem("approval", "approval", message("workbench.changedSinceSeen"))));
		}
		catch (InForceDatePassed ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("approval", "inForceFrom", backwards(ex))));
		}
		catch (DraftRefused | InvalidDraftRequest ex) {
			redirect.addFlashAttribute("errors", List.of(new PageProblem("approval", "approval", ex.getMessage())));
		}
		return "redirect:/workbench/drafts/" + id;
	}

	@GetMapping("/workbench/versions/{id}/history")
	String history(@PathVariable String id, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("history", this.drafts.history(known(id)));
			model.addAttribute("changes", changes(id));
			return "workbench/history";
		}
		catch (DraftNotFound ex) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("id", id);
			return "workbench/unknown";
		}
	}

	/**
	 * The version's change notes, Danish and English: a draft's own note (none while it
	 * has none), a version published without a draft its {@code version.yaml}'s.
	 */
	private Map<String, List<String>> changes(String id) {
		if (this.store.hasDraft(id)) {
			ChangeNote note = this.drafts.view(id).note();
			return (note != null) ? Map.of("da", List.of(note.da()), "en", List.of(note.en()))
					: Map.of("da", List.of(), "en", List.of());
		}
		String descriptor = this.store.mainFiles().get(id + "/" + dk.model3.rules.RuleVersionFiles.DESCRIPTOR);
		return Map.of("da", VersionYaml.changesDa(descriptor), "en", VersionYaml.changes(descriptor));
	}

	// the id of a route, or the unknown page before anything is read
	private static String known(String id) {
		if (!DraftIds.valid(id)) {
			throw new DraftNotFound(id, "no draft " + id);
		}
		return id;
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private String backwards(InForceDatePassed ex) {
		return message("workbench.inForcePassed", ex.inForceFrom().toString(), ex.today().toString());
	}

	/**
	 * The preview's transitions as a matrix: rows the outcome before, columns after, and
	 * the changes (off the diagonal) with their examples.
	 */
	record Matrix(List<String> rows, List<String> columns, Map<String, Long> counts,
			List<CheckResults.Transition> changes) {

		static Matrix of(List<CheckResults.Transition> transitions) {
			Set<String> rows = new java.util.TreeSet<>();
			Set<String> columns = new java.util.TreeSet<>();
			Map<String, Long> counts = new java.util.HashMap<>();
			for (CheckResults.Transition transition : transitions) {
				rows.add(transition.from());
				columns.add(transition.to());
				counts.put(transition.from() + "|" + transition.to(), transition.count());
			}
			return new Matrix(List.copyOf(rows), List.copyOf(columns), counts,
					transitions.stream().filter((t) -> !t.from().equals(t.to())).toList());
		}

		public long count(String from, String to) {
			return this.counts.getOrDefault(from + "|" + to, 0L);
		}

		/**
		 * The message key of an outcome's label ({@code PLACED CROSS_SECTOR} → the tier's
		 * name, {@code OUT_OF_SCOPE} → the status's): the page shows words, not codes.
		 */
		public String key(String label) {
			return label.startsWith("PLACED ") ? "tier." + label.substring("PLACED ".length()) : "status." + label;
		}

	}

	// the lines of the file shown where the last save found a problem
	private static Set<Integer> problemLines(Object problems, String file) {
		Set<Integer> lines = new HashSet<>();
		if (problems instanceof List<?> list) {
			for (Object each : list) {
				if (each instanceof CheckResults.Problem problem && problem.file().equals(file)) {
					lines.add(problem.line());
				}
			}
		}
		return lines;
	}

	private PageProblem pageProblem(CheckResults.Problem problem) {
		String where = problem.file() + ((problem.line() > 0) ? " " + this.messages.getMessage("workbench.line",
				new Object[] { problem.line() }, LocaleContextHolder.getLocale()) : "");
		return new PageProblem((problem.line() > 0) ? "line-" + problem.line() : "editor", problem.file(),
				where + ": " + problem.message());
	}

	// the caseworkers' override rates per rule for the version in force on the draft's
	// date
	private List<ReviewSummary.ByRule> overrides(Drafts.DraftView draft) {
		try {
			String inForce = this.versions.inForceOn(LocalDate.parse(draft.inForceFrom())).version();
			return new ArrayList<>(this.reviews.summary(inForce).byRule());
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}

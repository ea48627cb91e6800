// cancelcheck as a clang plugin: clang-19 -fplugin=cancelcheck-plugin.so.
//
// Beside the compile's own consumer (code generation, or nothing with
// -fsyntax-only) the plugin serializes the TU as an AST file, the one
// `clang -emit-ast` writes, into memory; at the end of the TU it hands that
// to the analysis through libclang (driver.c) and reports each finding
// through clang's DiagnosticsEngine, so -Werror, -w, colours and
// -fdiagnostics-format apply as to clang's own warnings. Why an AST file and
// not a second lowering from clang's AST: docs/architecture.md.
#include <sys/mman.h>
#include <unistd.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Serialization/ASTWriter.h"
#include "clang/Serialization/InMemoryModuleCache.h"
#include "llvm/Support/raw_ostream.h"

#include "driver.h"

using namespace clang;

namespace {

struct Options {
	std::string checks, config;
	bool has_checks = false, has_config = false;
	unsigned models = 0;
	bool verbose = false;
	int werror = CCK_PLUGIN_WERROR_OFF;

	// As the driver takes them; valid while this lives.
	struct cck_plugin_opts c() const
	{
		struct cck_plugin_opts po = {};
		po.checks = has_checks ? checks.c_str() : nullptr;
		po.config = has_config ? config.c_str() : nullptr;
		po.models = models;
		po.verbose = verbose;
		po.werror = werror;
		return po;
	}
};

// Writes the AST file to an anonymous in-memory file; its /proc path is
// what libclang opens. Returns the fd (close it), or -1.
int write_ast(const llvm::SmallVectorImpl<char> &data, std::string &path)
{
	int fd = memfd_create("cancelcheck.ast", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	const char *p = data.data();
	size_t left = data.size();
	while (left) {
		ssize_t n = write(fd, p, left);
		if (n <= 0) {
			close(fd);
			return -1;
		}
		p += n;
		left -= n;
	}
	path = "/proc/self/fd/" + std::to_string(fd);
	return fd;
}

class Report {
public:
	Report(CompilerInstance &ci) : CI(ci), D(ci.getDiagnostics())
	{
		// Custom diagnostics cannot be remapped by -Werror: choose the
		// level here the way clang would for a warning.
		auto level = D.getWarningsAsErrors() ? DiagnosticsEngine::Error
						     : DiagnosticsEngine::Warning;
		Finding = D.getCustomDiagID(level, "%0 [%1]");
		Error = D.getCustomDiagID(DiagnosticsEngine::Error, "%0 [%1]");
		Note = D.getCustomDiagID(DiagnosticsEngine::Note, "%0");
	}

	static void emit(void *ctx, const struct cck_diag *d, bool as_error)
	{
		static_cast<Report *>(ctx)->one(d, as_error);
	}

private:
	SourceLocation where(const char *file, unsigned line, unsigned col)
	{
		SourceManager &SM = CI.getSourceManager();
		if (!line)
			return SourceLocation();
		auto main = SM.getFileEntryRefForID(SM.getMainFileID());
		if (main && main->getName() == file)	// also <stdin>
			return SM.translateLineCol(SM.getMainFileID(), line, col ? col : 1);
		auto fe = CI.getFileManager().getOptionalFileRef(file);
		if (!fe)
			return SourceLocation();
		return SM.translateFileLineCol(*fe, line, col ? col : 1);
	}

	void one(const struct cck_diag *d, bool as_error)
	{
		D.Report(where(d->file, d->line, d->col), as_error ? Error : Finding)
			<< d->message << d->check;
		for (unsigned i = 0; i < d->notes->len; i++) {
			const struct cck_note *n = &g_array_index(d->notes, struct cck_note, i);
			D.Report(where(n->file, n->line, n->col), Note) << n->message;
		}
	}

	CompilerInstance &CI;
	DiagnosticsEngine &D;
	unsigned Finding, Error, Note;
};

// The names a TU's calls could resolve to: each direct callee's, and every
// name in an indirect callee expression (a config may name a member).
// Annotated declarations are checked here, the config and the models by
// the driver (cck_plugin_may_suspend).
class Calls : public RecursiveASTVisitor<Calls> {
public:
	std::set<std::string> names;
	bool annotated = false;

	bool VisitCallExpr(CallExpr *CE)
	{
		if (const FunctionDecl *FD = CE->getDirectCallee()) {
			note(FD);
			return true;
		}
		collect(CE->getCallee());
		return true;
	}

private:
	void note(const FunctionDecl *FD)
	{
		if (const IdentifierInfo *II = FD->getIdentifier())
			names.insert(II->getName().str());
		for (const FunctionDecl *R : FD->redecls())
			for (const auto *A : R->specific_attrs<AnnotateAttr>())
				if (finds(A->getAnnotation()))
					annotated = true;
	}

	// An annotation a finding can start from: a suspend point, a lend,
	// a result that must be used, a coroutine started (cf. the driver).
	static bool finds(StringRef a)
	{
		for (const char *p : { "cancelcheck::suspends", "cancelcheck::lends_until_reap",
				       "cancelcheck::lends_fd", "cancelcheck::must_use",
				       "cancelcheck::coroutine_body" })
			if (a.starts_with(p))
				return true;
		return false;
	}

	void collect(const Stmt *S)
	{
		if (!S)
			return;
		if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
			if (const IdentifierInfo *II = DR->getDecl()->getIdentifier())
				names.insert(II->getName().str());
		} else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
			if (const IdentifierInfo *II = ME->getMemberDecl()->getIdentifier())
				names.insert(II->getName().str());
		}
		for (const Stmt *C : S->children())
			collect(C);
	}
};

// Whether the TU is worth analyzing: a TU where no call can suspend has
// no cancel edge and so no finding; it is neither written nor analyzed.
struct Decision {
	bool analyze = true;
};

// The AST writer, run only for a TU worth analyzing.
class GatedWriter : public SemaConsumer {
public:
	GatedWriter(CompilerInstance &ci, std::unique_ptr<PCHGenerator> w,
		    std::shared_ptr<Decision> d, const Options &o)
		: CI(ci), W(std::move(w)), D(std::move(d)), O(o) {}

	void InitializeSema(Sema &S) override { W->InitializeSema(S); }
	void ForgetSema() override { W->ForgetSema(); }
	void HandleVTable(CXXRecordDecl *RD) override { W->HandleVTable(RD); }
	ASTMutationListener *GetASTMutationListener() override
	{
		return W->GetASTMutationListener();
	}
	ASTDeserializationListener *GetASTDeserializationListener() override
	{
		return W->GetASTDeserializationListener();
	}

	void HandleTranslationUnit(ASTContext &Ctx) override
	{
		if (CI.getDiagnostics().hasErrorOccurred())
			return;	// not written (see CreateASTConsumer), nor analyzed
		D->analyze = may_suspend(Ctx);
		if (D->analyze)
			W->HandleTranslationUnit(Ctx);
	}

private:
	bool may_suspend(ASTContext &Ctx)
	{
		Calls c;
		c.TraverseDecl(Ctx.getTranslationUnitDecl());
		if (c.annotated)
			return true;
		SourceManager &SM = CI.getSourceManager();
		auto main = SM.getFileEntryRefForID(SM.getMainFileID());
		std::vector<const char *> names;
		for (const std::string &n : c.names)
			names.push_back(n.c_str());
		struct cck_plugin_opts po = O.c();
		std::string file = main ? main->getName().str() : "";
		return cck_plugin_may_suspend(file.c_str(), &po, names.data(), names.size());
	}

	CompilerInstance &CI;
	std::unique_ptr<PCHGenerator> W;
	std::shared_ptr<Decision> D;
	Options O;
};

class Analyze : public ASTConsumer {
public:
	Analyze(CompilerInstance &ci, std::shared_ptr<PCHBuffer> buf,
		std::shared_ptr<Decision> d, const Options &o)
		: CI(ci), Buf(std::move(buf)), D(std::move(d)), O(o) {}

	void HandleTranslationUnit(ASTContext &) override
	{
		DiagnosticsEngine &D = CI.getDiagnostics();
		// A TU with errors is not analyzed (the CLI refuses it too), and
		// with -w there is nothing to say.
		if (D.hasErrorOccurred() || D.getIgnoreAllWarnings())
			return;
		if (!this->D->analyze) {
			if (O.verbose)
				llvm::errs() << "cancelcheck: note: no call in this file can suspend: "
						"nothing to analyze\n";
			return;
		}
		SourceManager &SM = CI.getSourceManager();
		auto main = SM.getFileEntryRefForID(SM.getMainFileID());
		if (!main)
			return;	// no main file at all (standard input is "<stdin>")
		unsigned failed = D.getCustomDiagID(DiagnosticsEngine::Error,
						    "cancelcheck: %0");
		if (!Buf->IsComplete) {
			D.Report(failed) << "the AST file was not written";
			return;
		}
		std::string path;
		int fd = write_ast(Buf->Data, path);
		if (fd < 0) {
			D.Report(failed) << "cannot write the AST file";
			return;
		}
		struct cck_plugin_opts po = O.c();
		std::string file = main->getName().str();
		Report r(CI);
		char *err = nullptr, *notes = nullptr;
		if (cck_plugin_analyze(path.c_str(), file.c_str(), &po, Report::emit, &r,
				       &err, &notes) != 0)
			D.Report(failed) << err;
		if (notes)
			llvm::errs() << notes;
		g_free(err);
		g_free(notes);
		close(fd);
	}

private:
	CompilerInstance &CI;
	std::shared_ptr<PCHBuffer> Buf;
	std::shared_ptr<Decision> D;
	Options O;
};

class Action : public PluginASTAction {
protected:
	std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
						       llvm::StringRef) override
	{
		auto buf = std::make_shared<PCHBuffer>();
		std::vector<std::unique_ptr<ASTConsumer>> cs;
		// Not AllowASTWithErrors: with it the writer clears the error
		// count and a broken compile would succeed. A TU with errors is
		// not written, nor analyzed. No timestamps: nothing outlives the
		// compile.
		auto decision = std::make_shared<Decision>();
		cs.push_back(std::make_unique<GatedWriter>(CI, std::make_unique<PCHGenerator>(
			CI.getPreprocessor(), CI.getModuleCache(), "-", /*isysroot=*/"", buf,
			llvm::ArrayRef<std::shared_ptr<ModuleFileExtension>>(),
			/*AllowASTWithErrors=*/false, /*IncludeTimestamps=*/false), decision, O));
		cs.push_back(std::make_unique<Analyze>(CI, buf, decision, O));
		return std::make_unique<MultiplexConsumer>(std::move(cs));
	}

	bool ParseArgs(const CompilerInstance &CI,
		       const std::vector<std::string> &args) override
	{
		DiagnosticsEngine &D = CI.getDiagnostics();
		unsigned bad = D.getCustomDiagID(DiagnosticsEngine::Error,
			"cancelcheck: bad plugin argument '%0': %1");
		for (const std::string &a : args) {
			size_t eq = a.find('=');
			std::string key = a.substr(0, eq);
			std::string val = eq == std::string::npos ? "" : a.substr(eq + 1);
			if (key == "checks" && eq != std::string::npos) {
				O.checks = val;
				O.has_checks = true;
			} else if (key == "config" && !val.empty()) {
				O.config = val;
				O.has_config = true;
			} else if (key == "model" && !val.empty()) {
				int m = cck_plugin_model(val.c_str());
				if (m < 0) {
					D.Report(bad) << a << (std::string("unknown model (known: ") +
							       cck_plugin_model_names() + ")");
					return false;
				}
				O.models |= m;
			} else if (key == "verbose" && eq == std::string::npos) {
				O.verbose = true;
			} else if (key == "werror" && (val == "1" || val == "config")) {
				// cancelcheck-cc's werror: findings fail the compile
				O.werror = val == "1" ? CCK_PLUGIN_WERROR_ON : CCK_PLUGIN_WERROR_CONFIG;
			} else {
				D.Report(bad) << a << "known: checks=<globs>, model=<name>, "
						      "config=<file>, verbose, werror=1|config";
				return false;
			}
		}
		return true;
	}

	ActionType getActionType() override { return AddAfterMainAction; }

private:
	Options O;
};

} // namespace

static FrontendPluginRegistry::Add<Action> X("cancelcheck",
	"find cancel-correctness bugs (cancelcheck)");

// The cost floor of the other plugin design (DESIGN §7): a second lowering
// from clang's own AST into the analysis IR. This plugin does the part any
// such lowering must do and nothing more: build clang's CFG (with implicit
// destructors, lifetime ends and scopes, which a lowering of C++ needs) for
// every function defined in the main file, and visit every element and the
// declaration each call names (where annotations and models are looked up).
// bench/run_integrations.sh compares its cost with the shipped plugin's
// (an AST file loaded through libclang): see docs/architecture.md.
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

using namespace clang;

namespace {

class Floor : public ASTConsumer {
public:
	void HandleTranslationUnit(ASTContext &Ctx) override
	{
		SourceManager &SM = Ctx.getSourceManager();
		CFG::BuildOptions bo;
		bo.AddImplicitDtors = true;
		bo.AddLifetime = true;
		bo.AddScopes = true;
		bo.AddInitializers = true;
		unsigned long seen = 0;
		for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
			auto *FD = dyn_cast<FunctionDecl>(D);
			if (!FD || !FD->hasBody() || !SM.isInMainFile(FD->getLocation()))
				continue;
			std::unique_ptr<CFG> cfg = CFG::buildCFG(FD, FD->getBody(), &Ctx, bo);
			if (!cfg)
				continue;
			for (const CFGBlock *B : *cfg)
				for (const CFGElement &E : *B)
					if (auto S = E.getAs<CFGStmt>()) {
						if (auto *CE = dyn_cast<CallExpr>(S->getStmt()))
							if (const Decl *callee = CE->getCalleeDecl())
								seen += callee->hasAttrs();
						seen++;
					}
		}
		Sink = seen;
	}
	volatile unsigned long Sink = 0;
};

class Action : public PluginASTAction {
	std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, llvm::StringRef) override
	{
		return std::make_unique<Floor>();
	}
	bool ParseArgs(const CompilerInstance &, const std::vector<std::string> &) override
	{
		return true;
	}
	ActionType getActionType() override { return AddAfterMainAction; }
};

} // namespace

static FrontendPluginRegistry::Add<Action> X("cfg-floor", "bench: CFG of every function");

#include "views/wizard/remediationwizard.h"
#include "views/common/filedialogs.h"

#include "model/core/remediation/parameterkinds.h"
#include "model/core/remediation/powershellwriter.h"
#include "model/core/remediation/walker.h"
#include "views/common/theme.h"
#include "views/wizard/powershellhighlighter.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSplitter>
#include <QVBoxLayout>

namespace mwb::views {

using namespace mwb::remediation;

namespace {

QFont monospaceFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return f;
}

QLabel *wrappingLabel(const QString &text = {}, QWidget *parent = nullptr)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPlainTextEdit *codeView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setFont(monospaceFont());
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    new PowerShellHighlighter(view->document());
    return view;
}

// QTreeView asks the delegate for row heights without the column width, so long symptoms
// would be cut; this delegate measures the wrapped text at the width the row really has.
class WrappingDelegate : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(QTreeWidget *view)
        : QStyledItemDelegate(view), m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        int depth = 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        const int width = qMax(80, m_view->viewport()->width() - depth * m_view->indentation() - 12);
        const QRect text = QFontMetrics(o.font).boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, o.text);
        return {width, text.height() + 6};
    }

private:
    QTreeWidget *m_view;
};

// Parameter form shared by the first page and the summary: one line edit per parameter, the
// kind's check on every keystroke, problems listed under the form.
class ParameterForm : public QWidget {
    Q_OBJECT
public:
    explicit ParameterForm(QWidget *parent = nullptr)
        : QWidget(parent)
    {
        auto *outer = new QVBoxLayout(this);
        outer->setContentsMargins(0, 0, 0, 0);
        m_form = new QFormLayout;
        m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        outer->addLayout(m_form);
        m_problems = wrappingLabel(QString(), this);
        m_problems->setObjectName(QStringLiteral("parameterProblems"));
        m_problems->setAccessibleName(tr("Problems with the values"));
        // The problems are spelled out in text; the colour only helps. It follows the palette so
        // it stays readable on dark and high-contrast themes.
        QPalette p = m_problems->palette();
        p.setColor(QPalette::WindowText, statusColors(p).bad);
        m_problems->setPalette(p);
        outer->addWidget(m_problems);
    }

    void setScenario(const Scenario *scenario, const QMap<QString, QString> &values)
    {
        while (m_form->rowCount() > 0)
            m_form->removeRow(0);
        m_edits.clear();
        m_scenario = scenario;
        if (!scenario) {
            validate();
            return;
        }
        for (const ParameterSpec &p : scenario->parameters) {
            auto *edit = new QLineEdit(this);
            edit->setObjectName(QStringLiteral("param_") + p.name);
            // Screen readers: the parameter and what it is for (the form label alone is a bare name).
            edit->setAccessibleName(p.name);
            edit->setAccessibleDescription(p.description);
            edit->setPlaceholderText(p.defaultValue.isEmpty() ? QStringLiteral("e.g. %1").arg(p.example)
                                                              : QStringLiteral("default: %1").arg(p.defaultValue));
            edit->setToolTip(QStringLiteral("%1\n(%2)").arg(p.description, parameterKindInfo(p.kind).description));
            edit->setText(values.value(p.name));
            connect(edit, &QLineEdit::textChanged, this, [this] {
                validate();
                emit changed();
            });
            m_form->addRow(p.required ? p.name + QStringLiteral(" *") : p.name, edit);
            m_edits.insert(p.name, edit);
        }
        validate();
    }

    QMap<QString, QString> values() const
    {
        QMap<QString, QString> out;
        for (auto it = m_edits.begin(); it != m_edits.end(); ++it)
            if (!it.value()->text().trimmed().isEmpty())
                out.insert(it.key(), it.value()->text());
        return out;
    }

    bool isValid() const { return m_valid; }

signals:
    void changed();

private:
    void validate()
    {
        QStringList problems;
        m_valid = m_scenario != nullptr;
        if (m_scenario) {
            for (const ParameterSpec &p : m_scenario->parameters) {
                QLineEdit *edit = m_edits.value(p.name);
                const QString text = edit->text();
                bool bad = false;
                if (text.trimmed().isEmpty()) {
                    if (p.required) {
                        problems << QStringLiteral("%1 is required (e.g. %2).").arg(p.name, p.example);
                        m_valid = false;
                    }
                } else if (auto r = validateParameterValue(p.kind, text); !r.ok()) {
                    problems << QStringLiteral("%1: %2").arg(p.name, r.errorMessage());
                    m_valid = false;
                    bad = true;
                }
                edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 1px solid #c01c28; }") : QString());
            }
        }
        m_problems->setText(problems.join(u'\n'));
        m_problems->setVisible(!problems.isEmpty());
    }

    QFormLayout *m_form = nullptr;
    QLabel *m_problems = nullptr;
    QMap<QString, QLineEdit *> m_edits;
    const Scenario *m_scenario = nullptr;
    bool m_valid = false;
};

// Page 1: "What is wrong?" — symptoms in admin words; the chosen one's scenario and parameters.
class StartPage : public QWizardPage {
    Q_OBJECT
public:
    explicit StartPage(RemediationWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(tr("What is wrong?"));
        setSubTitle(tr("Pick the symptom that fits best. The next pages walk through read-only checks and end with a PowerShell script."));
        auto *splitter = new QSplitter(Qt::Horizontal, this);
        m_symptoms = new QTreeWidget(splitter);
        m_symptoms->setObjectName(QStringLiteral("symptomList"));
        m_symptoms->setAccessibleName(tr("Symptoms by scenario"));
        m_symptoms->setHeaderHidden(true);
        m_symptoms->setWordWrap(true);
        m_symptoms->setRootIsDecorated(false);
        m_symptoms->setIndentation(18);
        m_symptoms->setUniformRowHeights(false);
        m_symptoms->setItemDelegate(new WrappingDelegate(m_symptoms));
        m_symptoms->header()->setStretchLastSection(true);
        m_symptoms->header()->setSectionResizeMode(QHeaderView::Stretch);
        m_symptoms->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        // Symptoms under a heading per scenario; the headings are not selectable.
        for (const Scenario &s : builtInScenarios()) {
            auto *heading = new QTreeWidgetItem(m_symptoms, {s.title});
            QFont f = heading->font(0);
            f.setBold(true);
            heading->setFont(0, f);
            heading->setFlags(Qt::ItemIsEnabled);
            for (const QString &symptom : s.symptoms) {
                auto *item = new QTreeWidgetItem(heading, {symptom});
                item->setData(0, Qt::UserRole, s.id);
                item->setToolTip(0, symptom + QStringLiteral("\n(") + s.title + u')');
            }
        }
        m_symptoms->expandAll();
        auto *details = new QWidget(splitter);
        auto *dl = new QVBoxLayout(details);
        m_scenarioTitle = wrappingLabel(QString(), details);
        QFont bold = m_scenarioTitle->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.1);
        m_scenarioTitle->setFont(bold);
        m_summary = wrappingLabel(QString(), details);
        auto *box = new QGroupBox(tr("What the fix needs (* = required)"), details);
        auto *bl = new QVBoxLayout(box);
        m_form = new ParameterForm(box);
        bl->addWidget(m_form);
        dl->addWidget(m_scenarioTitle);
        dl->addWidget(m_summary);
        dl->addWidget(box);
        dl->addStretch(1);
        splitter->setStretchFactor(0, 5);
        splitter->setStretchFactor(1, 4);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(splitter, 1);

        connect(m_symptoms, &QTreeWidget::currentItemChanged, this, [this] { showScenario(); });
        connect(m_form, &ParameterForm::changed, this, &QWizardPage::completeChanged);

        const QString initial = wizard->initialScenarioId();
        for (int i = 0; i < m_symptoms->topLevelItemCount(); ++i) {
            QTreeWidgetItem *heading = m_symptoms->topLevelItem(i);
            if (heading->childCount() > 0 && heading->child(0)->data(0, Qt::UserRole).toString() == initial) {
                m_symptoms->setCurrentItem(heading->child(0));
                m_symptoms->scrollToItem(heading, QAbstractItemView::PositionAtTop);
                break;
            }
        }
        showScenario();
    }

    bool isComplete() const override { return currentScenario() && m_form->isValid(); }

    bool validatePage() override
    {
        const Scenario *s = currentScenario();
        if (!s)
            return false;
        m_wizard->startScenario(s->id, m_form->values());
        return true;
    }

    // Always a next page: the start page is never the last one (isComplete gates the button).
    int nextId() const override { return RemediationWizard::FirstStepPageId; }

private:
    const Scenario *currentScenario() const
    {
        const QTreeWidgetItem *item = m_symptoms->currentItem();
        return item ? findScenario(item->data(0, Qt::UserRole).toString()) : nullptr;
    }

    void showScenario()
    {
        const Scenario *s = currentScenario();
        if (s == m_shown && s)
            return;
        // Keep what the admin typed when switching between symptoms of the same scenario;
        // values handed in by the caller (a finding) belong to the initial scenario only.
        QMap<QString, QString> values;
        if (s && s->id == m_wizard->initialScenarioId())
            values = m_wizard->initialParameters();
        m_shown = s;
        m_scenarioTitle->setText(s ? s->title : tr("Choose a symptom on the left."));
        m_summary->setText(s ? s->summary : QString());
        m_form->setScenario(s, values);
        emit completeChanged();
    }

    RemediationWizard *m_wizard;
    QTreeWidget *m_symptoms = nullptr;
    QLabel *m_scenarioTitle = nullptr;
    QLabel *m_summary = nullptr;
    ParameterForm *m_form = nullptr;
    const Scenario *m_shown = nullptr;
};

// One page per step of the chosen scenario.
class StepPage : public QWizardPage {
    Q_OBJECT
public:
    StepPage(RemediationWizard *wizard, const Step &step)
        : m_wizard(wizard), m_step(step)
    {
        setObjectName(QStringLiteral("step_") + step.id);
        auto *layout = new QVBoxLayout(this);
        auto *progressRow = new QHBoxLayout;
        m_progressLabel = new QLabel(this);
        m_progress = new QProgressBar(this);
        m_progress->setObjectName(QStringLiteral("progressBar"));
        m_progress->setAccessibleName(tr("Progress through the checks"));
        m_progress->setTextVisible(false);
        m_progress->setMaximumHeight(10);
        progressRow->addWidget(m_progressLabel);
        progressRow->addWidget(m_progress, 1);
        layout->addLayout(progressRow);

        auto *why = wrappingLabel(QStringLiteral("<b>%1</b> %2<br><b>%3</b> %4")
                                      .arg(tr("Why:"), step.why.toHtmlEscaped(), tr("Look for:"), step.what.toHtmlEscaped()),
                                  this);
        why->setTextFormat(Qt::RichText);
        layout->addWidget(why);

        auto *commandRow = new QHBoxLayout;
        commandRow->addWidget(new QLabel(tr("Run this read-only command in the Exchange Management Shell:"), this), 1);
        auto *copy = new QPushButton(tr("C&opy"), this);
        copy->setObjectName(QStringLiteral("copyCommandButton"));
        copy->setAccessibleName(tr("Copy the command"));
        commandRow->addWidget(copy);
        layout->addLayout(commandRow);
        m_command = codeView(this);
        m_command->setObjectName(QStringLiteral("commandView"));
        m_command->setAccessibleName(tr("Read-only command to run"));
        m_command->setMaximumHeight(72);
        layout->addWidget(m_command);
        connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_command->toPlainText()); });

        layout->addWidget(new QLabel(step.parser.isEmpty() ? tr("Paste its output here (for your notes):")
                                                           : tr("Paste its output here; it is read and answers the question where it can:"),
                                     this));
        m_paste = new QPlainTextEdit(this);
        m_paste->setObjectName(QStringLiteral("pasteBox"));
        m_paste->setAccessibleName(tr("Output of the command"));
        m_paste->setFont(monospaceFont());
        m_paste->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_paste->setPlaceholderText(tr("Output of the command above"));
        layout->addWidget(m_paste, 1);
        m_parsed = wrappingLabel(QString(), this);
        m_parsed->setObjectName(QStringLiteral("parsedSummary"));
        m_parsed->setAccessibleName(tr("What the pasted output shows"));
        layout->addWidget(m_parsed);
        connect(m_paste, &QPlainTextEdit::textChanged, this, [this] { readPaste(); });

        auto *answers = new QGroupBox(step.title, this);
        answers->setObjectName(QStringLiteral("answerBox"));
        auto *al = new QHBoxLayout(answers);
        m_answers = new QButtonGroup(this);
        const std::pair<Answer, QString> choices[] = {{Answer::Yes, tr("Yes")}, {Answer::No, tr("No")}, {Answer::Unknown, tr("I don't know")}};
        for (const auto &[answer, text] : choices) {
            auto *radio = new QRadioButton(text, answers);
            radio->setObjectName(QStringLiteral("answer_") + answerName(answer));
            m_answers->addButton(radio, int(answer));
            al->addWidget(radio);
        }
        al->addStretch(1);
        layout->addWidget(answers);
        connect(m_answers, &QButtonGroup::idClicked, this, [this] { emit completeChanged(); });
    }

    void initializePage() override
    {
        ScenarioWalker *w = m_wizard->walker();
        setTitle(m_step.title);
        setSubTitle(w->scenario().title);
        m_command->setPlainText(renderCommandForDisplay(m_step.command, w->scenario(), w->parameters()));
        m_progressLabel->setText(tr("Step %1 of about %2").arg(w->position()).arg(w->estimatedTotal()));
        m_progress->setRange(0, qMax(1, w->estimatedTotal()));
        m_progress->setValue(w->position());
        if (!m_paste->toPlainText().isEmpty())
            readPaste();
    }

    void cleanupPage() override
    {
        // Back from this page: the previous step becomes the open question again.
        m_wizard->walker()->back();
    }

    bool isComplete() const override { return m_answers->checkedId() > 0; }

    bool validatePage() override
    {
        const Answer a = selected();
        if (a == Answer::None)
            return false;
        m_wizard->walker()->answer(a);
        return true;
    }

    int nextId() const override
    {
        const Answer a = selected();
        const QString next = m_step.next(a == Answer::None ? Answer::Unknown : a);
        return next.isEmpty() ? RemediationWizard::SummaryPageId : m_wizard->pageIdForStep(next);
    }

private:
    Answer selected() const
    {
        const int id = m_answers->checkedId();
        return id > 0 ? Answer(id) : Answer::None;
    }

    void readPaste()
    {
        ScenarioWalker *w = m_wizard->walker();
        const QString text = m_paste->toPlainText();
        if (m_step.parser.isEmpty() || text.trimmed().isEmpty() || !w->currentStep() || w->currentStep()->id != m_step.id) {
            m_parsed->clear();
            return;
        }
        const ParsedOutput parsed = w->pasteOutput(text);
        const Answer suggested = w->suggestedAnswer(parsed);
        QString message = parsed.summary;
        if (suggested != Answer::None) {
            if (QAbstractButton *b = m_answers->button(int(suggested)))
                b->setChecked(true);
            message += QStringLiteral(" ") + tr("That answers the question: %1.").arg(m_answers->button(int(suggested))->text());
            emit completeChanged();
        }
        m_parsed->setText(message);
    }

    RemediationWizard *m_wizard;
    Step m_step;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_command = nullptr;
    QPlainTextEdit *m_paste = nullptr;
    QLabel *m_parsed = nullptr;
    QButtonGroup *m_answers = nullptr;
};

// Summary: what was answered and learnt, the values the script will use, dry run or not.
class SummaryPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SummaryPage(RemediationWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(tr("Summary"));
        setSubTitle(tr("Check the answers and the values; the script uses them."));
        auto *layout = new QVBoxLayout(this);
        m_answers = wrappingLabel(QString(), this);
        m_answers->setObjectName(QStringLiteral("answerSummary"));
        m_answers->setTextFormat(Qt::RichText);
        layout->addWidget(m_answers);
        auto *box = new QGroupBox(tr("Values for the script (* = required)"), this);
        auto *bl = new QVBoxLayout(box);
        m_form = new ParameterForm(box);
        bl->addWidget(m_form);
        layout->addWidget(box);
        m_dryRun = new QCheckBox(tr("Dry run: add -WhatIf to every changing command (nothing is changed)"), this);
        m_dryRun->setObjectName(QStringLiteral("dryRunCheck"));
        layout->addWidget(m_dryRun);
        layout->addStretch(1);
        connect(m_form, &ParameterForm::changed, this, &QWizardPage::completeChanged);
        connect(m_dryRun, &QCheckBox::toggled, wizard, &RemediationWizard::setDryRun);
        connect(wizard, &RemediationWizard::dryRunChanged, m_dryRun, &QCheckBox::setChecked);
    }

    void initializePage() override
    {
        ScenarioWalker *w = m_wizard->walker();
        QString html = QStringLiteral("<b>%1</b><ul>").arg(w->scenario().title.toHtmlEscaped());
        for (const QString &id : w->history()) {
            const Step *s = w->scenario().step(id);
            html += QStringLiteral("<li>%1 <b>%2</b></li>").arg(s->title.toHtmlEscaped(), answerName(w->answers().value(id)).toUpper());
        }
        html += QStringLiteral("</ul>");
        if (!w->notes().isEmpty()) {
            html += tr("<b>From the pasted output:</b><ul>");
            for (const QString &n : w->notes())
                html += QStringLiteral("<li>%1</li>").arg(n.toHtmlEscaped());
            html += QStringLiteral("</ul>");
        }
        m_answers->setText(html);
        m_form->setScenario(&w->scenario(), w->parameters());
        m_dryRun->setChecked(m_wizard->dryRun());
    }

    void cleanupPage() override { m_wizard->walker()->back(); }
    bool isComplete() const override { return m_form->isValid(); }

    bool validatePage() override
    {
        ScenarioWalker *w = m_wizard->walker();
        const QMap<QString, QString> values = m_form->values();
        for (const ParameterSpec &p : w->scenario().parameters)
            w->setParameter(p.name, values.value(p.name));
        return true;
    }

    int nextId() const override { return RemediationWizard::ScriptPageId; }

private:
    RemediationWizard *m_wizard;
    QLabel *m_answers = nullptr;
    ParameterForm *m_form = nullptr;
    QCheckBox *m_dryRun = nullptr;
};

// The script, highlighted, with Copy and Save .ps1.
class ScriptPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ScriptPage(RemediationWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(tr("Your PowerShell script"));
        setSubTitle(tr("Read-only checks first, then the changes. Run it in the Exchange Management Shell."));
        auto *layout = new QVBoxLayout(this);
        m_view = codeView(this);
        m_view->setObjectName(QStringLiteral("scriptView"));
        m_view->setAccessibleName(tr("Generated PowerShell script"));
        // Wrapped: the -WhatIf at the end of a long command must stay in sight.
        m_view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        layout->addWidget(m_view, 1);
        m_error = wrappingLabel(QString(), this);
        m_error->setObjectName(QStringLiteral("scriptError"));
        m_error->setAccessibleName(tr("Problems with the script values"));
        layout->addWidget(m_error);
        auto *row = new QHBoxLayout;
        m_dryRun = new QCheckBox(tr("Dry run (-WhatIf)"), this);
        m_dryRun->setObjectName(QStringLiteral("scriptDryRunCheck"));
        auto *copy = new QPushButton(tr("C&opy"), this);
        copy->setObjectName(QStringLiteral("copyScriptButton"));
        copy->setAccessibleName(tr("Copy the script"));
        auto *save = new QPushButton(tr("&Save .ps1…"), this);
        save->setObjectName(QStringLiteral("saveScriptButton"));
        save->setAccessibleName(tr("Save the script as a .ps1 file"));
        row->addWidget(m_dryRun);
        row->addStretch(1);
        row->addWidget(copy);
        row->addWidget(save);
        layout->addLayout(row);
        connect(m_dryRun, &QCheckBox::toggled, wizard, &RemediationWizard::setDryRun);
        connect(wizard, &RemediationWizard::dryRunChanged, this, [this](bool on) {
            m_dryRun->setChecked(on);
            if (isVisible())
                refresh();
        });
        connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_view->toPlainText()); });
        connect(save, &QPushButton::clicked, this, [this] {
            const QString path = filedialogs::saveFile(this, tr("Save PowerShell script"), filedialogs::Purpose::Scripts,
                                                              m_wizard->scenarioId() + QStringLiteral(".ps1"),
                                                              tr("PowerShell scripts (*.ps1)"));
            if (path.isEmpty())
                return;
            QString error;
            if (!m_wizard->saveScript(path, &error))
                m_error->setText(error);
        });
    }

    void initializePage() override
    {
        m_dryRun->setChecked(m_wizard->dryRun());
        refresh();
    }

    int nextId() const override { return -1; }

private:
    void refresh()
    {
        QString error;
        m_view->setPlainText(m_wizard->script(&error));
        m_error->setText(error);
        m_error->setVisible(!error.isEmpty());
    }

    RemediationWizard *m_wizard;
    QPlainTextEdit *m_view = nullptr;
    QLabel *m_error = nullptr;
    QCheckBox *m_dryRun = nullptr;
};

} // namespace

RemediationWizard::RemediationWizard(const QString &scenarioId, const QMap<QString, QString> &parameters, QWidget *parent)
    : QWizard(parent), m_initialScenario(scenarioId), m_initialParameters(parameters)
{
    // Parameters from a finding use the analysis' names: map them (aliases included); what the
    // scenario has no place for is shown as evidence in the script header.
    if (const Scenario *s = findScenario(scenarioId)) {
        const MappedParameters mapped = mapFindingParameters(*s, parameters);
        m_initialParameters = mapped.parameters;
        for (const QString &unused : mapped.unused)
            m_findingNotes << QStringLiteral("finding parameter %1").arg(unused);
    }
    setWindowTitle(tr("Fix mail flow — guided checklist"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::HaveHelpButton, false);
    setPage(StartPageId, new StartPage(this));
    setPage(SummaryPageId, new SummaryPage(this));
    setPage(ScriptPageId, new ScriptPage(this));
    setStartId(StartPageId);
    resize(920, 680);
}

RemediationWizard::~RemediationWizard() = default;

void RemediationWizard::setEvidence(const QStringList &evidence)
{
    m_evidence = evidence;
    if (m_walker)
        m_walker->setEvidence(m_evidence + m_findingNotes);
}

QString RemediationWizard::scenarioId() const
{
    return m_walker ? m_walker->scenario().id : QString();
}

void RemediationWizard::setDryRun(bool dryRun)
{
    if (m_dryRun == dryRun)
        return;
    m_dryRun = dryRun;
    emit dryRunChanged(dryRun);
}

void RemediationWizard::startScenario(const QString &id, const QMap<QString, QString> &parameters)
{
    const Scenario *scenario = findScenario(id);
    if (!scenario)
        return;
    // Step pages belong to one scenario: replace them (only the start page is in the history here).
    for (int i = 0; i < m_stepIds.size(); ++i) {
        if (QWizardPage *old = page(FirstStepPageId + i)) {
            removePage(FirstStepPageId + i);
            old->deleteLater();
        }
    }
    m_walker = std::make_unique<ScenarioWalker>(*scenario);
    m_walker->setEvidence(m_evidence + m_findingNotes);
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        m_walker->setParameter(it.key(), it.value());
    m_stepIds.clear();
    for (const Step &step : scenario->steps) {
        m_stepIds << step.id;
        setPage(FirstStepPageId + int(m_stepIds.size()) - 1, new StepPage(this, step));
    }
}

int RemediationWizard::pageIdForStep(const QString &stepId) const
{
    const qsizetype i = m_stepIds.indexOf(stepId);
    return i < 0 ? SummaryPageId : FirstStepPageId + int(i);
}

QString RemediationWizard::script(QString *error) const
{
    if (!m_walker) {
        if (error)
            *error = tr("Choose a symptom first.");
        return {};
    }
    const auto result = writeScript(m_walker->scenario(), m_walker->request(!m_dryRun));
    if (!result.ok()) {
        if (error)
            *error = result.errorMessage();
        return {};
    }
    if (error)
        error->clear();
    return result.value();
}

bool RemediationWizard::saveScript(const QString &path, QString *error)
{
    QString problem;
    const QString text = script(&problem);
    if (text.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    QSaveFile file(path);
    const QByteArray bytes = scriptFileBytes(text);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    emit scriptSaved(path);
    return true;
}

} // namespace mwb::views

#include "remediationwizard.moc"

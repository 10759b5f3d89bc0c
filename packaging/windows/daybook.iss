; Inno Setup 6 script: a per-user (or all-users) installer for the PyInstaller build of Daybook.
;
; On Windows, from the repository root, after building dist\daybook with PyInstaller
; (see packaging\windows\README.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\daybook.iss
; writes dist\installer\daybook-0.1.0-setup.exe. The installer is not signed.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Daybook"
#define AppExe "Daybook.exe"
#define BuildDir "..\..\dist\daybook"

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{EDE6A29F-3F1B-4A55-B840-4158238B82ED}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Daybook developers
AppPublisherURL=https://github.com/daybook-journal/daybook
AppSupportURL=https://github.com/daybook-journal/daybook/issues
AppComments=A desktop journal for end-of-day work reflections
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights unless the user chooses otherwise.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=daybook.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist\installer
OutputBaseFilename=daybook-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; LicenseFile=..\..\LICENSE   (add once the repository has its GPL-3.0 LICENSE file)

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: Daybook.exe (the desktop app), daybook-cli.exe (the command
; line) and _internal\ with Python, Qt and the migrations.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Reflect on your working day"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The journal in %APPDATA%\Daybook is the user's data: the uninstaller leaves it in place.

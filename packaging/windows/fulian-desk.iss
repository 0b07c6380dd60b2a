; Inno Setup script: a per-user installer for fulian-desk (no administrator rights needed).
; Build on Windows after `pyinstaller build.spec`:
;   iscc /DAppVersion=0.1.0 packaging\windows\fulian-desk.iss
; The version comes from desktop/__init__.py through the command line (see .github/workflows/windows.yml).
;
; Data: the program keeps its database under %LOCALAPPDATA%\fulian-desk, outside the install folder
; ({localappdata}\Programs\fulian-desk), and this script never deletes it: uninstalling or upgrading
; leaves the clerk's reports where they are.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "妇联绩效自评填报系统"
#define AppExe "fulian-desk.exe"
#define BundleDir "..\..\dist\fulian-desk"

[Setup]
; A fixed AppId makes a newer installer upgrade the installed copy instead of adding a second one.
AppId={{6B1F2D4E-8C3A-4F57-9E21-5A7D0C3B9F48}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=fulian-desk
VersionInfoVersion={#AppVersion}
; Per-user install: no UAC prompt and no "for all users?" question; {autopf} is then the user's own
; program folder (%LOCALAPPDATA%\Programs).
PrivilegesRequired=lowest
DefaultDirName={autopf}\fulian-desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=fulian-desk-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\fulian-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced (the bundle's DLLs would be locked otherwise).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: files an older version shipped must not linger beside new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} 自检"; Filename: "{app}\fulian.exe"; Parameters: "--self-test"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: %LOCALAPPDATA%\fulian-desk (the database and its backups)
; belongs to the clerk and stays after uninstalling.
